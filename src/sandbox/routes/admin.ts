// Instance Admin API /api/admin/* (docs/langfuse-behaviour.md §2.7): Bearer ADMIN_API_KEY, and the self-hosted
// Enterprise licence (plan `enterprise`); otherwise the plan gate. Only the organization API-key
// routes are modelled, because rotating an organization key needs them.
import { timingSafeEqual } from 'node:crypto';
import { newCuid, newKeyPair } from '../ids';
import { hasEntitlement, isCloud } from '../http/plans';
import { error, planGate } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import { displaySecretKey, type ApiKey } from '../store';
import { bodyObject } from './guards';
import { keySummaries } from './organizations';

export function adminOrganizations(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  const refused = adminAuth(req, ctx);
  if (refused) return refused;
  if (req.method !== 'GET') return error(405, 'Method not allowed');
  const { store } = ctx;
  const projects = store.liveProjects().map(p => ({ id: p.id, name: p.name, metadata: p.metadata, createdAt: p.createdAt, updatedAt: p.updatedAt }));
  return { status: 200, json: { organizations: [{ id: store.org.id, name: store.org.name, createdAt: store.projects.values().next().value?.createdAt ?? null, metadata: null, projects }] } };
}

export function adminOrganizationApiKeys(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  const refused = adminAuth(req, ctx);
  if (refused) return refused;
  const { store } = ctx;
  if (req.params.organizationId !== store.org.id) return error(404, 'Organization not found');
  if (req.method === 'GET') return { status: 200, json: { apiKeys: keySummaries([...store.apiKeys.values()].filter(k => k.scope === 'ORGANIZATION')) } };
  if (req.method !== 'POST') return error(405, 'Method not allowed');
  const note = bodyObject(req.body).note;
  const pair = newKeyPair();
  const key: ApiKey = { id: newCuid(), scope: 'ORGANIZATION', projectId: null, ...pair, note: typeof note === 'string' ? note : null, createdAt: store.now() };
  store.apiKeys.set(key.id, key);
  store.changed();
  return { status: 201, json: { id: key.id, createdAt: key.createdAt, note: key.note, publicKey: key.publicKey, secretKey: key.secretKey, displaySecretKey: displaySecretKey(key.secretKey) } };
}

export function adminOrganizationApiKeyById(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  const refused = adminAuth(req, ctx);
  if (refused) return refused;
  const { store } = ctx;
  if (req.params.organizationId !== store.org.id) return error(404, 'Organization not found');
  if (req.method !== 'DELETE') return error(405, 'Method not allowed');
  const key = store.apiKeys.get(req.params.apiKeyId);
  if (!key || key.scope !== 'ORGANIZATION') return error(404, 'API key not found');
  store.apiKeys.delete(key.id);
  store.changed();
  return { status: 200, json: { success: true } };
}

function adminAuth(req: SandboxRequest, ctx: RouteContext): SandboxResponse | undefined {
  const { store } = ctx;
  if (!store.adminApiKey) return error(403, 'ADMIN_API_KEY is not set');
  const header = req.headers.authorization;
  if (!header) return error(401, 'Unauthorized: No authorization header provided');
  const token = header.startsWith('Bearer ') ? Buffer.from(header.slice(7)) : Buffer.alloc(0);
  const expected = Buffer.from(store.adminApiKey);
  if (token.length !== expected.length || !timingSafeEqual(token, expected)) return error(401, 'Unauthorized: Invalid token');
  // The recordings' DEV-region Cloud instance lets the token through and then gates on the licence.
  if (isCloud(store.org.plan) || !hasEntitlement(store.org.plan, 'admin-api')) return planGate();
  return undefined;
}
