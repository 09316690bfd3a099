// A FAKE of HashiCorp Vault's KV version 2 HTTP API — NOT Vault. Vault cannot be installed on this
// machine (see /work/shared/SECRET-BACKENDS.md §1), so the sink is tested against this in-repo
// server, which follows Vault's documented KV v2 behaviour for the calls the sink makes:
//   X-Vault-Token (403 "permission denied" without a valid one), X-Vault-Namespace,
//   GET /v1/sys/internal/ui/mounts/<path> (mount preflight), GET/POST/PUT/DELETE <mount>/data/<path>
//   with options.cas (400 "check-and-set parameter did not match the current version"), versions
//   and ?version=N, soft delete (404 with metadata), max_versions trimming, <mount>/metadata/<path>
//   (read/update/delete/LIST), <mount>/{delete,undelete,destroy}/<path>, sys/capabilities-self,
//   auth/token/lookup-self, sys/health, a sealed mode (503) and a standby redirect (307).
// Everything is in memory; each instance is independent.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';

export type FakeCapability = 'write' | 'read' | 'none';

export interface FakeToken {
  /** What the token may do on every KV path ('write' includes read, list and delete). */
  capability: FakeCapability;
  /** Namespace the token lives in (Vault Enterprise / HCP); '' for the root namespace. */
  namespace?: string;
}

export interface FakeMount { path: string; version: '1' | '2'; namespace?: string; maxVersions?: number }

export interface VaultFakeOptions {
  tokens: Record<string, FakeToken>;
  mounts?: FakeMount[];
  /** Serve HTTPS with this key and certificate (PEM) instead of loopback HTTP. */
  tls?: { key: string; cert: string };
}

export interface RecordedRequest { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

interface Version { data: Record<string, unknown> | null; created_time: string; deletion_time: string; destroyed: boolean }
interface Secret { versions: Map<number, Version>; current: number; oldest: number; maxVersions: number; casRequired: boolean; customMetadata: Record<string, string> | null; created: string; updated: string }

export interface VaultFake {
  readonly address: string;
  readonly requests: RecordedRequest[];
  /** Answers 503 "Vault is sealed" to everything while true. */
  sealed: boolean;
  /** When set, answers every request with 307 to this address (a standby node). */
  redirectTo?: string;
  /** Direct access for arranging and inspecting state in tests. */
  secretData(mountPath: string, path: string, namespace?: string): Record<string, unknown> | null | undefined;
  currentVersion(mountPath: string, path: string, namespace?: string): number;
  close(): Promise<void>;
}

const DENIED = ['1 error occurred:\n\t* permission denied\n\n'];

export async function startVaultKv2Fake(options: VaultFakeOptions): Promise<VaultFake> {
  const mounts: FakeMount[] = options.mounts ?? [{ path: 'secret', version: '2' }];
  const store = new Map<string, Secret>(); // key: `${ns}|${mount}|${path}`
  const requests: RecordedRequest[] = [];
  let clock = Date.parse('2026-11-28T12:00:00.000Z');
  const now = () => new Date(clock += 1000).toISOString();

  const findMount = (ns: string, full: string): FakeMount | undefined =>
    mounts.filter(m => (m.namespace ?? '') === ns && (full === m.path || full.startsWith(`${m.path}/`))).sort((a, b) => b.path.length - a.path.length)[0];

  const fake: VaultFake = {
    address: '',
    requests,
    sealed: false,
    secretData(mountPath, path, namespace = '') {
      const s = store.get(`${namespace}|${mountPath}|${path}`);
      return s ? s.versions.get(s.current)?.data : undefined;
    },
    currentVersion(mountPath, path, namespace = '') {
      return store.get(`${namespace}|${mountPath}|${path}`)?.current ?? 0;
    },
    close: () => new Promise(resolve => { server.closeAllConnections(); server.close(() => resolve()); }),
  };

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const send = (status: number, payload?: unknown) => {
        if (payload === undefined) { res.writeHead(status).end(); return; }
        const text = JSON.stringify(payload);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
      };
      if (fake.redirectTo) { res.writeHead(307, { location: `${fake.redirectTo}${req.url}` }).end(); return; }
      if (fake.sealed) return send(503, { errors: ['Vault is sealed'] });
      const url = new URL(req.url ?? '/', 'http://fake');
      const route = decodeURIComponent(url.pathname.replace(/^\/v1\//, ''));
      if (route === 'sys/health') return send(200, { initialized: true, sealed: false, standby: false, version: 'fake-kv2' });

      const token = options.tokens[String(req.headers['x-vault-token'] ?? '')];
      const ns = String(req.headers['x-vault-namespace'] ?? '').replace(/^\/|\/$/g, '');
      if (!token || (token.namespace ?? '') !== ns) return send(403, { errors: DENIED });
      let json: Record<string, unknown> = {};
      if (body) {
        try { json = JSON.parse(body); } catch { return send(400, { errors: ['failed to parse JSON input: invalid character'] }); }
      }
      const method = req.method === 'GET' && url.searchParams.get('list') === 'true' ? 'LIST' : req.method;
      const can = (need: 'read' | 'write') => token.capability === 'write' || (need === 'read' && token.capability === 'read');

      if (route === 'auth/token/lookup-self') return send(200, { data: { policies: [token.capability], namespace_path: ns ? `${ns}/` : '' } });
      if (route === 'sys/capabilities-self') {
        const caps = token.capability === 'write' ? ['create', 'delete', 'list', 'patch', 'read', 'update'] : token.capability === 'read' ? ['list', 'read'] : ['deny'];
        const paths = (json.paths as string[] | undefined) ?? [];
        return send(200, { capabilities: caps, ...Object.fromEntries(paths.map(p => [p, caps])) });
      }
      if (route.startsWith('sys/internal/ui/mounts/')) {
        const m = findMount(ns, route.slice('sys/internal/ui/mounts/'.length));
        if (!m || token.capability === 'none') return send(403, { errors: [`preflight capability check returned 403, please ensure client's policies grant access to path "${route.slice('sys/internal/ui/mounts/'.length)}/"`] });
        return send(200, { data: { path: `${m.path}/`, type: 'kv', options: { version: m.version }, description: '' } });
      }

      const mount = findMount(ns, route);
      const rest = mount ? route.slice(mount.path.length + 1) : '';
      const slash = rest.indexOf('/');
      const op = slash < 0 ? rest : rest.slice(0, slash);
      const path = slash < 0 ? '' : rest.slice(slash + 1);
      if (!mount || mount.version !== '2' || !['data', 'metadata', 'delete', 'undelete', 'destroy'].includes(op)) {
        if (token.capability === 'none') return send(403, { errors: DENIED });
        return send(404, { errors: [`no handler for route "${route}". route entry not found.`] });
      }
      if (token.capability === 'none') return send(403, { errors: DENIED });
      const key = `${ns}|${mount.path}|${path}`;
      const secret = store.get(key);
      const versionMeta = (v: number, ver: Version) => ({ created_time: ver.created_time, custom_metadata: secret?.customMetadata ?? null, deletion_time: ver.deletion_time, destroyed: ver.destroyed, version: v });

      if (op === 'data' && method === 'GET') {
        if (!can('read')) return send(403, { errors: DENIED });
        if (!secret) return send(404, { errors: [] });
        const v = Number(url.searchParams.get('version') ?? 0) || secret.current;
        const ver = secret.versions.get(v);
        if (!ver) return send(404, { errors: [] });
        if (ver.deletion_time || ver.destroyed) return send(404, { data: { data: null, metadata: versionMeta(v, ver) } });
        return send(200, { request_id: 'fake', lease_id: '', renewable: false, lease_duration: 0, data: { data: ver.data, metadata: versionMeta(v, ver) }, wrap_info: null, warnings: null, auth: null });
      }
      if (op === 'data' && (method === 'POST' || method === 'PUT')) {
        if (!can('write')) return send(403, { errors: DENIED });
        if (!json.data || typeof json.data !== 'object') return send(400, { errors: ['no data provided'] });
        const cas = (json.options as { cas?: number } | undefined)?.cas;
        if (secret?.casRequired && cas === undefined) return send(400, { errors: ['check-and-set parameter required for this call'] });
        if (cas !== undefined && cas !== (secret?.current ?? 0)) return send(400, { errors: ['check-and-set parameter did not match the current version'] });
        const s: Secret = secret ?? { versions: new Map(), current: 0, oldest: 1, maxVersions: mount.maxVersions ?? 10, casRequired: false, customMetadata: null, created: now(), updated: '' };
        const v = s.current + 1;
        s.versions.set(v, { data: json.data as Record<string, unknown>, created_time: now(), deletion_time: '', destroyed: false });
        s.current = v;
        s.updated = now();
        while (s.versions.size > s.maxVersions) { s.versions.delete(s.oldest); s.oldest++; }
        store.set(key, s);
        return send(200, { data: versionMeta(v, s.versions.get(v)!) });
      }
      if (op === 'data' && method === 'DELETE') {
        if (!can('write')) return send(403, { errors: DENIED });
        const ver = secret?.versions.get(secret.current);
        if (ver && !ver.deletion_time) ver.deletion_time = now();
        return send(204);
      }
      if ((op === 'delete' || op === 'undelete' || op === 'destroy') && (method === 'POST' || method === 'PUT')) {
        if (!can('write')) return send(403, { errors: DENIED });
        for (const v of (json.versions as number[] | undefined) ?? []) {
          const ver = secret?.versions.get(v);
          if (!ver) continue;
          if (op === 'delete') ver.deletion_time ||= now();
          if (op === 'undelete' && !ver.destroyed) ver.deletion_time = '';
          if (op === 'destroy') { ver.destroyed = true; ver.data = null; }
        }
        return send(204);
      }
      if (op === 'metadata' && method === 'LIST') {
        if (!can('read')) return send(403, { errors: DENIED });
        const prefix = path.replace(/\/?$/, path ? '/' : '');
        const keys = new Set<string>();
        for (const k of store.keys()) {
          const [kns, km, kp] = k.split('|');
          if (kns !== ns || km !== mount.path || !kp.startsWith(prefix)) continue;
          const tail = kp.slice(prefix.length);
          keys.add(tail.includes('/') ? `${tail.split('/')[0]}/` : tail);
        }
        return keys.size ? send(200, { data: { keys: [...keys].sort() } }) : send(404, { errors: [] });
      }
      if (op === 'metadata' && method === 'GET') {
        if (!can('read')) return send(403, { errors: DENIED });
        if (!secret) return send(404, { errors: [] });
        return send(200, { data: {
          cas_required: secret.casRequired, created_time: secret.created, current_version: secret.current, custom_metadata: secret.customMetadata,
          delete_version_after: '0s', max_versions: secret.maxVersions, oldest_version: secret.oldest, updated_time: secret.updated,
          versions: Object.fromEntries([...secret.versions].map(([v, ver]) => [String(v), { created_time: ver.created_time, deletion_time: ver.deletion_time, destroyed: ver.destroyed }])),
        } });
      }
      if (op === 'metadata' && (method === 'POST' || method === 'PUT')) {
        if (!can('write')) return send(403, { errors: DENIED });
        const s: Secret = secret ?? { versions: new Map(), current: 0, oldest: 1, maxVersions: mount.maxVersions ?? 10, casRequired: false, customMetadata: null, created: now(), updated: now() };
        if (typeof json.max_versions === 'number' && json.max_versions > 0) s.maxVersions = json.max_versions;
        if (typeof json.cas_required === 'boolean') s.casRequired = json.cas_required;
        if (json.custom_metadata && typeof json.custom_metadata === 'object') s.customMetadata = json.custom_metadata as Record<string, string>;
        store.set(key, s);
        return send(204);
      }
      if (op === 'metadata' && method === 'DELETE') {
        if (!can('write')) return send(403, { errors: DENIED });
        store.delete(key);
        return send(204);
      }
      return send(405, { errors: ['unsupported operation'] });
    });
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  (fake as { address: string }).address = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
