import type { SandboxResponse } from './types';

/** Langfuse routes disagree on the error key: `message` (projects, data routes), `error` (organizations,
 * project memberships, plan gate), SCIM `detail`. Each route family picks its helper. */
export const message = (status: number, text: string): SandboxResponse => ({ status, json: { message: text } });
export const error = (status: number, text: string): SandboxResponse => ({ status, json: { error: text } });
export const scimError = (status: number, detail: string): SandboxResponse => ({
  status,
  json: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], detail, status },
});
export const ok = (json: unknown, status = 200): SandboxResponse => ({ status, json });

export const PLAN_GATE = 'This feature is not available on your current plan.';
export const ORG_KEY_REQUIRED = 'Invalid API key. Organization-scoped API key required for this operation.';
export const planGate = (): SandboxResponse => error(403, PLAN_GATE);
