import type { IncomingHttpHeaders } from 'node:http';
import type { Store } from '../store';

export interface Scope {
  accessLevel: 'project' | 'organization' | 'scores';
  projectId: string | null;
  orgId: string;
  apiKeyId: string;
}

export type AuthResult = { ok: true; scope: Scope } | { ok: false; message: string };

const HOST_HINT = ". Confirm that you've configured the correct host.";

/**
 * LF ApiAuthService.verifyAuthHeaderAndReturnScope: Basic pk:sk is resolved by the SECRET key alone
 * (a mismatching public key is accepted); Bearer carries a project public key and only grants the
 * "scores" level. The messages are the server's, word for word.
 */
export function authenticate(headers: IncomingHttpHeaders, store: Store): AuthResult {
  const header = headers.authorization;
  if (!header) return { ok: false, message: 'No authorization header' };
  if (header.startsWith('Basic ')) {
    let decoded: string;
    try {
      decoded = atob(header.slice('Basic '.length));
    } catch (err) {
      return { ok: false, message: `${(err as Error).message}${HOST_HINT}` };
    }
    const [, secretKey] = decoded.split(':');
    const key = secretKey ? store.keyBySecret(secretKey) : undefined;
    if (!key) return { ok: false, message: `Invalid credentials${HOST_HINT}` };
    return {
      ok: true,
      scope: {
        accessLevel: key.scope === 'ORGANIZATION' ? 'organization' : 'project',
        projectId: key.projectId,
        orgId: store.org.id,
        apiKeyId: key.id,
      },
    };
  }
  if (header.startsWith('Bearer ')) {
    const key = store.keyByPublic(header.slice('Bearer '.length).trim());
    if (!key) return { ok: false, message: `Invalid credentials${HOST_HINT}` };
    if (key.scope === 'ORGANIZATION') return { ok: false, message: `Unauthorized: Cannot use organization key with bearer auth${HOST_HINT}` };
    return { ok: true, scope: { accessLevel: 'scores', projectId: key.projectId, orgId: store.org.id, apiKeyId: key.id } };
  }
  return { ok: false, message: 'Invalid authorization header' };
}
