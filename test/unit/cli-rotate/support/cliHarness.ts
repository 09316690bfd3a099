// The `rotate` command run in-process through main() against the sandbox over real HTTP, with a
// temp config folder (connections.yaml + 0600 credentials file) and a temp state folder. Also
// bundles the CLI once (esbuild) for the tests that run it as a child process.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../../../src/cli/command';
import { command } from '../../../../src/cli/commands/rotate';
import { closeAllHostGates } from '../../../../src/core/langfuse';
import { startSandbox, type Plan, type SandboxHandle } from '../../../../src/sandbox';

export const ROOT = path.join(__dirname, '../../../..');
export const OLD = { publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-b1000000-0000-4000-8000-000000000001' };
export const ORG = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-a0000000-0000-4000-8000-000000000001' };
export const PROJECT_ID = 'proj-production-chatbot';

export interface CliRun { code: number; out: string; err: string }

export interface CliHarness {
  sandbox: SandboxHandle;
  dir: string;
  env: Record<string, string>;
  stateDir: string;
  rotationsDir: string;
  run(args: string[], extraEnv?: Record<string, string>): Promise<CliRun>;
  envFile(name: string, pair?: { publicKey: string; secretKey: string }): string;
  keys(): { publicKey: string; secretKey: string; id: string }[];
  close(): Promise<void>;
}

export async function startCliHarness(options: { plan?: Plan; serverVersion?: string; secretManagers?: string; env?: Record<string, string> } = {}): Promise<CliHarness> {
  const sandbox = await startSandbox({ plan: options.plan, serverVersion: options.serverVersion });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-clirot-'));
  const cfg = path.join(dir, 'cfg', 'langfuse-access');
  fs.mkdirSync(cfg, { recursive: true });
  fs.writeFileSync(path.join(cfg, 'acme.json'), JSON.stringify(ORG), { mode: 0o600 });
  fs.writeFileSync(path.join(cfg, 'connections.yaml'), `connections:\n  - id: acme\n    name: Acme Corp\n    baseUrl: "${sandbox.url}"\n    credentialsFile: acme.json\n${options.secretManagers ?? ''}`);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'cfg'), XDG_STATE_HOME: path.join(dir, 'state'),
    LANGFUSE_ACCESS_ACTING_AS: 'engineering-lead@acme.com', ...options.env,
  };
  const stateDir = path.join(dir, 'state', 'langfuse-access');
  return {
    sandbox, dir, env, stateDir, rotationsDir: path.join(stateDir, 'rotations'),
    async run(args, extraEnv = {}) {
      let out = '';
      let err = '';
      // Through the command itself, as main() runs it (main's lazy import needs the ESM loader).
      try {
        const code = await command.run({ out: t => { out += t; }, err: t => { err += t; }, env: { ...env, ...extraEnv }, cwd: dir }, args);
        return { code, out, err };
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        return { code: 2, out, err: `${err}${e.message}\n` };
      }
    },
    envFile(name, pair = OLD) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\nLANGFUSE_BASE_URL=${sandbox.url}\n`, { mode: 0o600 });
      return file;
    },
    keys() {
      return [...sandbox.store.apiKeys.values()].filter(k => k.projectId === PROJECT_ID).map(k => ({ publicKey: k.publicKey, secretKey: k.secretKey, id: k.id }));
    },
    async close() {
      await sandbox.close();
      await closeAllHostGates();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export { envValues } from '../../rotation/support/harness';

/** Fails if any secret (demo, canary, or the given live ones) shows in the text. */
export function assertNoSecret(text: string, secrets: string[] = []): void {
  if (/sk-lf-(demo|canary)-[0-9a-f]/.test(text)) throw new Error(`a demo/canary secret leaked: ${text.slice(0, 300)}`);
  for (const s of secrets) if (text.includes(s)) throw new Error('a live secret leaked into the output');
}

let bundled: Promise<string> | undefined;
/** The CLI as one CommonJS file (esbuild), so child processes start in ~0.1 s instead of tsx's ~1 s. */
export function bundleCli(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = await import('esbuild');
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-cli-bundle-'));
    const outfile = path.join(outDir, 'langfuse-access.js');
    await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/cli/main.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
      outfile, external: ['@aws-sdk/*', 'vscode'], logLevel: 'silent',
    });
    process.once('exit', () => fs.rmSync(outDir, { recursive: true, force: true }));
    return outfile;
  })();
  return bundled;
}
