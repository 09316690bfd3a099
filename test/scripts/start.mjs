// `npm start`: builds the extension, starts the local Langfuse sandbox (Acme Corp world), and opens
// VS Code with the extension on a copy of the sample workspace. The extension's "Connect to local
// sandbox" command stores the sandbox's organization key in SecretStorage on first activation.
//   - desktop `code` on PATH → a new window with --extensionDevelopmentPath
//   - otherwise → code-server (installed on first use) on 127.0.0.1, URL printed to open in a browser
// Ctrl-C stops everything it started. PORT=8080 picks the code-server port (default: a free one).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_IDENTITY, extRoot, startCodeServer, workbenchUrl } from './vscode-host.mjs';
import { startSandboxProcess } from './sandbox-process.mjs';

const say = text => process.stderr.write(`${text}\n`);
execFileSync(process.execPath, ['esbuild.js'], { cwd: extRoot, stdio: 'inherit' });

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'langfuse-access-start-'));
fs.chmodSync(tmp, 0o700);
const workspace = path.join(tmp, 'workspace-acme');
fs.cpSync(path.join(extRoot, 'test', 'fixtures', 'workspace-acme'), workspace, { recursive: true });

const sandbox = await startSandboxProcess({ dir: tmp, port: Number(process.env.SANDBOX_PORT ?? 0) });
process.env.LANGFUSE_ACCESS_SANDBOX_CREDENTIALS = sandbox.credentialsFile;
say(`Sandbox (Acme Corp, plan team): ${sandbox.baseUrl}`);
say(`  organization key ${sandbox.credentials.organization.publicKey} (its secret is in ${sandbox.credentialsFile}, mode 0600)`);

let stopEditor = async () => {};
const hasDesktopCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && !process.env.LANGFUSE_ACCESS_USE_CODE_SERVER;
if (hasDesktopCode) {
  const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${extRoot}`, workspace], { stdio: 'inherit', env: process.env });
  say(`Opened VS Code on ${workspace} with the extension in development mode.`);
  stopEditor = async () => { if (code.exitCode === null) code.kill('SIGTERM'); };
} else {
  execFileSync('bash', [path.join(extRoot, 'test', 'scripts', 'setup-vscode-host.sh')], { stdio: 'inherit' });
  const server = await startCodeServer({
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
    keepOpen: true,
    env: { LANGFUSE_ACCESS_SANDBOX_CREDENTIALS: sandbox.credentialsFile },
    // The throwaway demo profile acts as the organization's ADMIN, who is also ADMIN of production-chatbot and
    // staging-chatbot: every demo journey (the staging .env fix, rotating the staging key, adding a member,
    // creating and revoking a key) is allowed. The OWNER, engineering-lead, is overridden NONE in staging.
    settings: { 'langfuseAccess.actingAs': DEMO_IDENTITY },
  });
  const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: extRoot });
  say(`\nVS Code (code-server 4.100.3) is running. Open this URL in a browser:\n\n  ${url}\n`);
  say('Then click the Langfuse Access shield in the activity bar.');
  stopEditor = () => server.stop();
}
say(`Acting as ${DEMO_IDENTITY} (ADMIN of Acme Corp; setting langfuseAccess.actingAs).`);
say('Press Ctrl-C to stop the sandbox and the editor.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  say('\nStopping…');
  await stopEditor();
  await sandbox.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
sandbox.proc.on('exit', code => { if (!stopping) { say(`The sandbox stopped unexpectedly (exit ${code}).\n${sandbox.output()}`); void stop(); } });
setInterval(() => {}, 1 << 30);
