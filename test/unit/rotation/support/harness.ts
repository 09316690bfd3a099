// A rotation engine wired to real peers: the sandbox over real HTTP on 127.0.0.1, real files in a
// temp state folder, sinks built by createSink. Secrets the engine generates are canary-shaped, so
// any leak into output is caught by assertNoSecretIn.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { createLangfuseClient } from '../../../../src/core/langfuse';
import { RotationEngine, FilePendingSecretStore, type RotationCallbacks, type RotationDeps, type RotationEvent } from '../../../../src/core/rotation';
import { createSink, type SinkFactoryOptions } from '../../../../src/core/secrets';
import { startSandbox, type SandboxHandle } from '../../../../src/sandbox';
import type { Plan } from '../../../../src/sandbox';

export const OLD = { publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-b1000000-0000-4000-8000-000000000001' };
export const ORG = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-a0000000-0000-4000-8000-000000000001' };
export const STAGING = { publicKey: 'pk-lf-c2000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-c2000000-0000-4000-8000-000000000001' };
export const PROJECT = { id: 'proj-production-chatbot', name: 'production-chatbot' };

export function canaryPair(): { publicKey: string; secretKey: string } {
  const id = crypto.randomUUID();
  return { publicKey: `pk-lf-${id}`, secretKey: `sk-lf-canary-${id}` };
}

export function assertNoSecretIn(text: string): void {
  if (/sk-lf-(demo|canary)-[0-9a-f]/.test(text)) throw new Error(`secret leaked into: ${text.slice(0, 400)}`);
}

export interface Harness {
  sandbox: SandboxHandle;
  dir: string;
  stateDir: string;
  workspace: string;
  events: RotationEvent[];
  audit: string[];
  sinkOptions: SinkFactoryOptions;
  engine(overrides?: Partial<RotationDeps>): RotationEngine;
  /** An .env file holding the old pair (like a service's config). */
  envFile(name: string, pair?: { publicKey: string; secretKey: string }): string;
  keysOfProject(): string[];
  callbacks(extra?: Partial<RotationCallbacks>): RotationCallbacks;
  close(): Promise<void>;
}

export async function startHarness(options: { plan?: Plan; serverVersion?: string; sinkOptions?: Partial<SinkFactoryOptions> } = {}): Promise<Harness> {
  const sandbox = await startSandbox({ plan: options.plan, serverVersion: options.serverVersion });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rot-'));
  const stateDir = path.join(dir, 'state');
  const workspace = path.join(dir, 'ws');
  fs.mkdirSync(workspace, { recursive: true });
  const events: RotationEvent[] = [];
  const audit: string[] = [];
  const sinkOptions: SinkFactoryOptions = { lockDir: path.join(stateDir, 'locks'), tool: 'test', cwd: workspace, ...options.sinkOptions };
  const h: Harness = {
    sandbox, dir, stateDir, workspace, events, audit, sinkOptions,
    engine(overrides = {}) {
      return new RotationEngine({
        stateDir, tool: 'cli', actor: 'engineering-lead@acme.com',
        secrets: new FilePendingSecretStore(stateDir),
        admin: options.plan === 'oss' ? undefined : createLangfuseClient({ baseUrl: sandbox.url, ...ORG, retry: { attempts: 1 } }),
        clientFor: (pair, baseUrl) => createLangfuseClient({ baseUrl, ...pair, retry: { attempts: 1 } }),
        sinkFor: t => createSink(t, sinkOptions),
        audit: e => audit.push(JSON.stringify({ action: e.action, outcome: e.outcome, details: e.details })),
        generatePair: canaryPair,
        ...overrides,
      });
    },
    envFile(name, pair = OLD) {
      const file = path.join(workspace, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `# service config\nLANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\nLANGFUSE_BASE_URL=${sandbox.url}\nOTHER=1\n`, { mode: 0o600 });
      return file;
    },
    keysOfProject() {
      return [...sandbox.store.apiKeys.values()].filter(k => k.projectId === PROJECT.id).map(k => k.publicKey);
    },
    callbacks(extra = {}) {
      return {
        onEvent: e => events.push(e),
        confirmChecklist: async () => true,
        confirmRevoke: async () => true,
        ...extra,
      };
    },
    async close() {
      await sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** The .env file's values as a map. */
export function envValues(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}
