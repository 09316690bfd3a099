// `langfuse-access sandbox` (src/cli/commands/sandbox.ts hands its arguments here): runs the
// Langfuse-compatible sandbox until SIGINT/SIGTERM.
// stdout: the URL, then the public keys (never a secret); --credentials-out writes the key pairs
// (0600) in the shape "Connect to local sandbox" and `npm start` read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { clockStartingAt } from '../core/clock';
import { folderScope, writeFileInScope } from '../core/fs/scopedWrite';
import { ExitCode } from '../core/names';
import { startSandbox, WorldError } from './index';

export const SANDBOX_USAGE = 'sandbox [--port N] [--world FILE|acme|recorded|large] [--plan team|enterprise|oss] [--server-version X.Y.Z] [--state FILE] [--credentials-out FILE] [--now ISO-8601]\n'
  + '  --server-version: behave like that Langfuse version (default the world\'s, 4.16.0: v4 tracing routes; 3.x: the v3 trace routes).\n'
  + '  --now: start the sandbox\'s own clock there (the dates it serves and writes), e.g. 2027-01-31T09:00:00Z.';
const PLANS = ['team', 'enterprise', 'oss'] as const;

/** Bad flags: the CLI prints the usage line and exits 2. */
export class SandboxUsageError extends Error {}

interface Io { out(text: string): void; err(text: string): void; cwd: string }

export async function runSandboxCli(io: Io, args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: 'string' },
        world: { type: 'string' },
        plan: { type: 'string' },
        'server-version': { type: 'string' },
        state: { type: 'string' },
        'credentials-out': { type: 'string' },
        now: { type: 'string' },
      },
      allowPositionals: false,
    }));
  } catch (err) {
    throw new SandboxUsageError((err as Error).message);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SandboxUsageError(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const plan = values.plan;
  if (plan !== undefined && !(PLANS as readonly string[]).includes(plan)) throw new SandboxUsageError(`--plan must be one of ${PLANS.join(', ')}, got "${plan}"`);

  // --now sets the sandbox's clock only (the dates it serves and writes), never the tool's own.
  const start = values.now === undefined ? undefined : Date.parse(values.now);
  if (start !== undefined && (!/^\d{4}-\d{2}-\d{2}/.test(values.now ?? '') || Number.isNaN(start))) throw new SandboxUsageError(`--now must be an ISO 8601 date or time such as 2027-01-31 or 2027-01-31T09:00:00Z, got "${values.now}"`);

  const stateFile = values.state ? resolvePath(io, values.state) : undefined;
  if (stateFile && fs.existsSync(stateFile)) io.err(`Resuming from the state in ${stateFile}${values.world ? ` (--world ${values.world} is not used; delete the file to start from the world again)` : ''}.\n`);
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      world: values.world ?? 'acme',
      plan: plan as (typeof PLANS)[number] | undefined,
      serverVersion: values['server-version'],
      stateFile,
      clock: start === undefined ? undefined : clockStartingAt(new Date(start)),
    });
  } catch (err) {
    if (err instanceof WorldError) {
      io.err(`langfuse-access sandbox: ${err.message}\n`);
      return ExitCode.usage;
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      io.err(`langfuse-access sandbox: cannot listen on 127.0.0.1:${port} (${code}). Pick another --port, or 0 for any free port.\n`);
      return ExitCode.findings;
    }
    throw err;
  }
  const credentials = sandbox.credentials;
  if (values['credentials-out']) {
    const file = resolvePath(io, values['credentials-out']);
    writeFileInScope(file, `${JSON.stringify(credentials, null, 2)}\n`, folderScope(file), { mode: 0o600 });
    io.err(`Key pairs written to ${file} (mode 0600).\n`);
  }
  const lines = [sandbox.url, `organization ${credentials.organization.publicKey}`];
  for (const [name, p] of Object.entries(credentials.projects)) lines.push(`project ${name} ${p.publicKey} ${p.projectId}`);
  io.out(`${lines.join('\n')}\n`);
  const clockNote = start === undefined ? '' : `, clock starting at ${new Date(start).toISOString()}`;
  io.err(`Langfuse sandbox (world ${sandbox.world}, plan ${sandbox.store.org.plan}${clockNote}) on ${sandbox.url}. Stop with Ctrl+C.\n`);

  const signal = await new Promise<NodeJS.Signals>(resolve => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await sandbox.close();
  io.err(`Sandbox stopped (${signal}).\n`);
  return ExitCode.ok;
}

function resolvePath(io: Io, file: string): string {
  return path.resolve(io.cwd, file);
}
