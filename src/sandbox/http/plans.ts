import type { Plan } from '../world/schema';

export type Entitlement = 'admin-api' | 'rbac-project-roles' | 'data-retention' | 'audit-logs';

/** LF web/src/features/entitlements/constants/entitlements.ts, for the three plans a world can have. */
const ENTITLEMENTS: Record<Plan, readonly Entitlement[]> = {
  team: ['admin-api', 'rbac-project-roles', 'data-retention', 'audit-logs'],
  enterprise: ['admin-api', 'rbac-project-roles', 'data-retention', 'audit-logs'],
  oss: [],
};

export function hasEntitlement(plan: Plan, entitlement: Entitlement): boolean {
  return ENTITLEMENTS[plan].includes(entitlement);
}

/** team is Langfuse Cloud; enterprise and oss are self-hosted. */
export function isCloud(plan: Plan): boolean {
  return plan === 'team';
}
