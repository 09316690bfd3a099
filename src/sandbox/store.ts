import { systemClock, type Clock } from '../core/clock';
import type { Plan, Role, World, WorldApiKey, WorldObservation, WorldProject, WorldTrace, WorldUser } from './world/schema';
import { newCuid } from './ids';

export interface User { id: string; email: string; name: string | null; createdAt: string; updatedAt: string }
export interface Project {
  id: string; name: string; metadata: Record<string, unknown> | null; retentionDays: number | null;
  createdAt: string; updatedAt: string; deletedAt: string | null;
}
export interface ApiKey {
  id: string; scope: 'ORGANIZATION' | 'PROJECT'; projectId: string | null; publicKey: string; secretKey: string;
  note: string | null; createdAt: string;
}
export type Trace = WorldTrace;
export type Observation = WorldObservation;

/**
 * The sandbox's in-memory database: one organization, its users, memberships, projects, keys and
 * traces. Maps keep insertion order, which is the order Langfuse lists things in (creation order).
 * `onChange` runs after every mutation (the --state file is written there). A world with `asOf` is
 * moved in time by (the clock's now − asOf), so its keys and users keep their ages on any date.
 */
export class Store {
  readonly org: { id: string; name: string; plan: Plan };
  serverVersion: string;
  adminApiKey: string | undefined;
  rateLimitPerMinute: number | null;
  readonly users = new Map<string, User>();
  readonly orgMemberships = new Map<string, Role>();
  readonly projects = new Map<string, Project>();
  /** projectId → (userId → role) */
  readonly projectMemberships = new Map<string, Map<string, Role>>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly traces: Trace[] = [];
  /** Langfuse v4's tracing data (4.x worlds read it through GET /api/public/v2/observations). */
  readonly observations: Observation[] = [];
  onChange: () => void = () => undefined;

  constructor(world: World, planOverride?: Plan, readonly clock: Clock = systemClock, versionOverride?: string) {
    this.org = { ...world.organization, plan: planOverride ?? world.organization.plan };
    this.serverVersion = versionOverride ?? world.serverVersion;
    this.adminApiKey = world.adminApiKey;
    this.rateLimitPerMinute = world.rateLimitPerMinute !== undefined ? world.rateLimitPerMinute : this.org.plan === 'team' ? 1000 : null;
    const epoch = this.now();
    const shiftMs = world.asOf ? Date.parse(epoch) - Date.parse(world.asOf) : 0;
    const at = (iso: string): string => (shiftMs ? new Date(Date.parse(iso) + shiftMs).toISOString() : iso);
    for (const u of world.users) this.users.set(u.id, userFrom(u, epoch, at));
    for (const m of world.organizationMemberships) this.orgMemberships.set(m.userId, m.role);
    for (const p of world.projects) this.projects.set(p.id, projectFrom(p, epoch, at));
    for (const m of world.projectMemberships) this.projectRoles(m.projectId).set(m.userId, m.role);
    for (const k of world.apiKeys) this.apiKeys.set(k.id, keyFrom(k, at));
    for (const t of world.traces ?? []) this.traces.push({ ...t, timestamp: at(t.timestamp) });
    for (const o of world.observations ?? []) this.observations.push({ ...o, startTime: at(o.startTime), endTime: o.endTime === null ? null : at(o.endTime) });
  }

  /** The major version the sandbox behaves like (4 for "4.16.0"). */
  get majorVersion(): number {
    return Number.parseInt(this.serverVersion, 10);
  }

  /** The sandbox's "now" as Langfuse writes it (ISO 8601, UTC). */
  now(): string { return this.clock.now().toISOString(); }

  changed(): void { this.onChange(); }

  projectRoles(projectId: string): Map<string, Role> {
    let roles = this.projectMemberships.get(projectId);
    if (!roles) { roles = new Map(); this.projectMemberships.set(projectId, roles); }
    return roles;
  }

  liveProject(id: string): Project | undefined {
    const p = this.projects.get(id);
    return p && !p.deletedAt ? p : undefined;
  }

  liveProjects(): Project[] { return [...this.projects.values()].filter(p => !p.deletedAt); }

  keyBySecret(secret: string): ApiKey | undefined {
    for (const k of this.apiKeys.values()) if (k.secretKey === secret) return k;
    return undefined;
  }

  keyByPublic(publicKey: string): ApiKey | undefined {
    for (const k of this.apiKeys.values()) if (k.publicKey === publicKey) return k;
    return undefined;
  }

  userByEmail(email: string): User | undefined {
    const wanted = email.toLowerCase();
    for (const u of this.users.values()) if (u.email.toLowerCase() === wanted) return u;
    return undefined;
  }

  createUser(email: string, name: string | null): User {
    const now = this.now();
    const user: User = { id: newCuid(), email: email.toLowerCase(), name, createdAt: now, updatedAt: now };
    this.users.set(user.id, user);
    return user;
  }

  removeOrgMembership(userId: string): void {
    this.orgMemberships.delete(userId);
    // Project memberships hang off the organization membership (onDelete: Cascade in Langfuse).
    for (const roles of this.projectMemberships.values()) roles.delete(userId);
  }

  ownerCount(): number {
    let n = 0;
    for (const role of this.orgMemberships.values()) if (role === 'OWNER') n++;
    return n;
  }

  /** The whole state in world-file shape (for --state and for inspection in tests). */
  toWorld(): World {
    return {
      organization: { ...this.org },
      serverVersion: this.serverVersion,
      ...(this.adminApiKey ? { adminApiKey: this.adminApiKey } : {}),
      rateLimitPerMinute: this.rateLimitPerMinute,
      users: [...this.users.values()].map(u => ({ id: u.id, email: u.email, name: u.name, createdAt: u.createdAt })),
      organizationMemberships: [...this.orgMemberships].map(([userId, role]) => ({ userId, role })),
      projects: [...this.projects.values()].map(p => ({ ...p })),
      projectMemberships: [...this.projectMemberships].flatMap(([projectId, roles]) =>
        [...roles].map(([userId, role]) => ({ projectId, userId, role }))),
      apiKeys: [...this.apiKeys.values()].map(k => ({
        id: k.id, scope: k.scope, ...(k.projectId ? { projectId: k.projectId } : {}),
        publicKey: k.publicKey, secretKey: k.secretKey, note: k.note, createdAt: k.createdAt,
      })),
      traces: [...this.traces],
      observations: [...this.observations],
    };
  }
}

type Rebase = (iso: string) => string;

function userFrom(u: WorldUser, epoch: string, at: Rebase): User {
  const created = u.createdAt ? at(u.createdAt) : epoch;
  return { id: u.id, email: u.email, name: u.name, createdAt: created, updatedAt: created };
}

function projectFrom(p: WorldProject, epoch: string, at: Rebase): Project {
  const created = p.createdAt ? at(p.createdAt) : epoch;
  return {
    id: p.id, name: p.name, metadata: p.metadata ?? null, retentionDays: p.retentionDays ?? null,
    createdAt: created, updatedAt: p.updatedAt ? at(p.updatedAt) : created, deletedAt: p.deletedAt ? at(p.deletedAt) : null,
  };
}

function keyFrom(k: WorldApiKey, at: Rebase): ApiKey {
  return {
    id: k.id, scope: k.scope, projectId: k.projectId ?? null, publicKey: k.publicKey, secretKey: k.secretKey,
    note: k.note ?? null, createdAt: at(k.createdAt),
  };
}

/** `sk-lf-...abcd`: what Langfuse stores and lists instead of the secret. */
export function displaySecretKey(secret: string): string {
  return `${secret.slice(0, 6)}...${secret.slice(-4)}`;
}
