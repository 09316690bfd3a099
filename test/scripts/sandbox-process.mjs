// Starts the sandbox CLI (`node dist/cli.js sandbox`) as a child process for the test runners and
// `npm start`, waits until it has written its credentials file and answers /api/public/health.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { extRoot } from './vscode-host.mjs';

export async function startSandboxProcess({ dir, port = 0, world = 'acme', plan, extraArgs = [], stdio = 'pipe' } = {}) {
  const credentialsFile = path.join(dir, 'sandbox-credentials.json');
  fs.rmSync(credentialsFile, { force: true });
  const args = [path.join(extRoot, 'dist', 'cli.js'), 'sandbox', '--port', String(port), '--world', world, '--credentials-out', credentialsFile, ...extraArgs];
  if (plan) args.push('--plan', plan);
  const proc = spawn(process.execPath, args, { stdio: ['ignore', stdio, stdio], env: process.env });
  let output = '';
  if (stdio === 'pipe') for (const s of [proc.stdout, proc.stderr]) s.on('data', d => { output += d; });
  const deadline = Date.now() + 15000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`sandbox exited with ${proc.exitCode}\n${output}`);
    if (fs.existsSync(credentialsFile)) {
      try {
        const credentials = JSON.parse(fs.readFileSync(credentialsFile, 'utf8'));
        const res = await fetch(new URL('/api/public/health', credentials.baseUrl));
        if (res.ok) {
          return {
            proc, credentialsFile, credentials, baseUrl: credentials.baseUrl, output: () => output,
            async stop() {
              if (proc.exitCode !== null) return;
              proc.kill('SIGTERM');
              await Promise.race([new Promise(r => proc.once('exit', r)), new Promise(r => setTimeout(r, 3000))]);
              if (proc.exitCode === null) proc.kill('SIGKILL');
            },
          };
        }
      } catch { /* not ready yet */ }
    }
    if (Date.now() > deadline) { proc.kill('SIGKILL'); throw new Error(`sandbox did not start within 15 s\n${output}`); }
    await new Promise(r => setTimeout(r, 100));
  }
}
