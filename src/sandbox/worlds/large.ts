import type { Role, World } from '../world/schema';

export interface LargeWorldSize {
  projects: number;
  /** Project memberships in total, spread evenly over the projects. */
  memberships: number;
  /** Project API keys in total, spread evenly over the projects. */
  keys: number;
  /** Organization members (default 100). */
  users?: number;
}

/** The `large` built-in world: the size the benchmarks load. */
export const LARGE_WORLD_SIZE: LargeWorldSize = { projects: 200, memberships: 2000, keys: 600 };

const ROLES: Role[] = ['ADMIN', 'MEMBER', 'VIEWER', 'NONE'];

/** A big organization built in code (benchmarks, load tests). Deterministic for a given size. */
export function buildLargeWorld(size: LargeWorldSize): World {
  const userCount = size.users ?? 100;
  const hex = (n: number, width = 12) => n.toString(16).padStart(width, '0');
  const users = Array.from({ length: userCount }, (_, i) => ({
    id: `user-${i}`, email: `user-${i}@large.example`, name: `User ${i}`, createdAt: '2026-01-01T00:00:00.000Z',
  }));
  const projects = Array.from({ length: size.projects }, (_, i) => ({
    id: `proj-${i}`, name: `project-${String(i).padStart(4, '0')}`, metadata: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  }));
  const projectMemberships = Array.from({ length: size.memberships }, (_, i) => ({
    projectId: `proj-${i % size.projects}`,
    userId: `user-${Math.floor(i / size.projects) % userCount}`,
    role: ROLES[i % ROLES.length],
  }));
  const apiKeys: World['apiKeys'] = [{
    id: 'key-large-org', scope: 'ORGANIZATION', publicKey: `pk-lf-a0000000-0000-4000-8000-${hex(0)}`,
    secretKey: `sk-lf-demo-a0000000-0000-4000-8000-${hex(0)}`, note: 'large org key', createdAt: '2026-01-01T00:00:00.000Z',
  }];
  for (let i = 0; i < size.keys; i++) {
    apiKeys.push({
      id: `key-large-${i}`, scope: 'PROJECT', projectId: `proj-${i % size.projects}`,
      publicKey: `pk-lf-b0000000-0000-4000-8000-${hex(i + 1)}`, secretKey: `sk-lf-demo-b0000000-0000-4000-8000-${hex(i + 1)}`,
      note: `service key ${i}`, createdAt: new Date(Date.UTC(2026, 1, 1, 0, 0, i)).toISOString(),
    });
  }
  return {
    // Moved to the sandbox's start like acme: every key is about 300 days old, over the rotation policy.
    asOf: '2026-11-28T12:00:00.000Z',
    organization: { id: 'org-large', name: 'Large Org', plan: 'team' },
    serverVersion: '4.16.0',
    rateLimitPerMinute: null,
    users,
    organizationMemberships: users.map((u, i) => ({ userId: u.id, role: i === 0 ? 'OWNER' as const : 'MEMBER' as const })),
    projects,
    projectMemberships,
    apiKeys,
  };
}
