// /api/public/projects/{projectId}/apiKeys[/{apiKeyId}] (docs/langfuse-behaviour.md §2.4). Errors use `message`.
import * as z from '../../core/zod';
import { newCuid, newKeyPair } from '../ids';
import { message } from '../http/respond';
import type { RouteContext, SandboxRequest, SandboxResponse } from '../http/types';
import { zodIssues } from '../http/validation';
import { displaySecretKey, type ApiKey } from '../store';
import { bodyObject, isResponse, methodNotAllowed, requireOrgKey } from './guards';
import { keySummaries } from './organizations';

const NOT_FOUND = "Project not found or you don't have access to it";
const CreateBody = z.object({
  note: z.optional(z.nullable(z.string())),
  publicKey: z.optional(z.string()),
  secretKey: z.optional(z.string()),
});

export function projectApiKeys(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'GET' && req.method !== 'POST') return methodNotAllowed('message', 'Method Not Allowed');
  const scope = requireOrgKey(req, ctx, { style: 'message', rateLimited: true });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  // This route looks the project up without the soft-delete filter, as Langfuse does.
  const project = store.projects.get(req.params.projectId);
  if (!project) return message(404, NOT_FOUND);
  if (req.method === 'GET') {
    return { status: 200, json: { apiKeys: keySummaries([...store.apiKeys.values()].filter(k => k.projectId === project.id)) } };
  }
  const body = bodyObject(req.body);
  const parsed = CreateBody.safeParse(body);
  if (!parsed.success) return { status: 400, json: { message: 'Invalid request body', details: formatError(parsed.error, body) } };
  const { note, publicKey, secretKey } = parsed.data;
  if ((publicKey === undefined) !== (secretKey === undefined)) {
    return message(400, 'Both publicKey and secretKey must be provided together when specifying predefined keys');
  }
  if (publicKey !== undefined && !publicKey.startsWith('pk-lf-')) return message(400, "publicKey must start with 'pk-lf-'");
  if (secretKey !== undefined && !secretKey.startsWith('sk-lf-')) return message(400, "secretKey must start with 'sk-lf-'");
  if (publicKey !== undefined && (store.keyByPublic(publicKey) || store.keyBySecret(secretKey as string))) {
    return message(409, 'API key with the provided publicKey or secretKey already exists');
  }
  const pair = publicKey !== undefined ? { publicKey, secretKey: secretKey as string } : newKeyPair();
  const key: ApiKey = {
    id: newCuid(), scope: 'PROJECT', projectId: project.id, publicKey: pair.publicKey, secretKey: pair.secretKey,
    note: note ?? null, createdAt: store.now(),
  };
  store.apiKeys.set(key.id, key);
  store.changed();
  return {
    status: 201,
    json: { id: key.id, createdAt: key.createdAt, note: key.note, publicKey: key.publicKey, secretKey: key.secretKey, displaySecretKey: displaySecretKey(key.secretKey) },
  };
}

export function projectApiKeyById(req: SandboxRequest, ctx: RouteContext): SandboxResponse {
  if (req.method !== 'DELETE') return methodNotAllowed('message', 'Method Not Allowed');
  const scope = requireOrgKey(req, ctx, { style: 'message', rateLimited: true });
  if (isResponse(scope)) return scope;
  const store = ctx.store;
  const key = store.apiKeys.get(req.params.apiKeyId);
  if (!key || key.scope !== 'PROJECT' || key.projectId !== req.params.projectId) return message(404, 'API key not found');
  // Revocation is immediate: the sandbox has no key cache to outlive the row.
  store.apiKeys.delete(key.id);
  store.changed();
  return { status: 200, json: { success: true } };
}

/** z.formatError's nested `{ _errors, field: { _errors } }` shape. */
function formatError(err: z.core.$ZodError, input: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { _errors: [] };
  for (const issue of zodIssues(err, input)) {
    const field = String((issue.path as PropertyKey[])[0] ?? '');
    if (!field) { (out._errors as string[]).push(String(issue.message)); continue; }
    const entry = (out[field] ??= { _errors: [] }) as { _errors: string[] };
    entry._errors.push(String(issue.message));
  }
  return out;
}
