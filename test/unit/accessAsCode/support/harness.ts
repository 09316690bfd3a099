// The access-as-code commands run in-process (as main() runs them) against the Acme sandbox over real
// HTTP, in a temp folder: a repository with `.langfuse/`, the CLI's connections.yaml with a 0600
// credentials file, and its own state folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError, type CliCommand } from '../../../../src/cli/command';
import { command as applyCommand } from '../../../../src/cli/commands/apply';
import { command as exportCommand } from '../../../../src/cli/commands/export';
import { command as planCommand } from '../../../../src/cli/commands/plan';
import { closeAllHostGates } from '../../../../src/core/langfuse';
import { startSandbox, type SandboxHandle } from '../../../../src/sandbox';

export const ORG = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-a0000000-0000-4000-8000-000000000001' };
export const PROD = { publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-b1000000-0000-4000-8000-000000000001' };
const COMMANDS: Record<string, CliCommand> = { export: exportCommand, plan: planCommand, apply: applyCommand };

export interface Run { code: number; out: string; err: string }

export interface AacHarness {
  sandbox: SandboxHandle;
  dir: string;
  repo: string;
  file: string;
  stateDir: string;
  env: Record<string, string>;
  run(command: 'export' | 'plan' | 'apply', args?: string[], extraEnv?: Record<string, string>): Promise<Run>;
  read(): string;
  write(text: string): void;
  edit(from: string | RegExp, to: string): void;
  /** Authenticated request to the sandbox as "another admin" would send it. */
  api(method: string, pathname: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

export async function startAacHarness(options: NonNullable<Parameters<typeof startSandbox>[0]> = {}): Promise<AacHarness> {
  const sandbox = await startSandbox({ world: 'acme', ...options });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-aac-'));
  const cfg = path.join(dir, 'cfg', 'langfuse-access');
  fs.mkdirSync(cfg, { recursive: true });
  fs.writeFileSync(path.join(cfg, 'acme.json'), JSON.stringify(sandbox.credentials.organization), { mode: 0o600 });
  fs.writeFileSync(path.join(cfg, 'connections.yaml'), `connections:\n  - id: acme\n    name: Acme Corp\n    baseUrl: "${sandbox.url}"\n    credentialsFile: acme.json\n`);
  const repo = path.join(dir, 'repo');
  fs.mkdirSync(repo);
  fs.writeFileSync(path.join(repo, '.env.production'), `LANGFUSE_PUBLIC_KEY=${PROD.publicKey}\nLANGFUSE_SECRET_KEY=${PROD.secretKey}\nLANGFUSE_BASE_URL=${sandbox.url}\n`, { mode: 0o600 });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'cfg'), XDG_STATE_HOME: path.join(dir, 'state'),
    LANGFUSE_ACCESS_ACTING_AS: 'engineering-lead@acme.com',
  };
  const file = path.join(repo, '.langfuse', 'access.yaml');
  const auth = `Basic ${Buffer.from(`${sandbox.credentials.organization.publicKey}:${sandbox.credentials.organization.secretKey}`).toString('base64')}`;
  const h: AacHarness = {
    sandbox, dir, repo, file, env, stateDir: path.join(dir, 'state', 'langfuse-access'),
    async run(name, args = [], extraEnv = {}) {
      let out = '';
      let err = '';
      try {
        const code = await COMMANDS[name].run({ out: t => { out += t; }, err: t => { err += t; }, env: { ...env, ...extraEnv }, cwd: repo }, args);
        return { code, out, err };
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        return { code: 2, out, err: `${err}${e.message}\n` };
      }
    },
    read: () => fs.readFileSync(file, 'utf8'),
    write: text => fs.writeFileSync(file, text),
    edit(from, to) {
      const before = h.read();
      const after = before.replace(from, to);
      if (after === before) throw new Error(`edit: ${String(from)} not found in the access file`);
      h.write(after);
    },
    async api(method, pathname, body) {
      const res = await fetch(new URL(pathname, sandbox.url), { method, headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async close() {
      await sandbox.close();
      await closeAllHostGates();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Every file under `dir` whose bytes contain `secret` (relative paths). */
export function filesHolding(dir: string, secret: string): string[] {
  const found: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isDirectory()) { for (const n of fs.readdirSync(p)) visit(path.join(p, n)); return; }
    if (st.isFile() && fs.readFileSync(p).includes(secret)) found.push(path.relative(dir, p));
  };
  visit(dir);
  return found.sort();
}
