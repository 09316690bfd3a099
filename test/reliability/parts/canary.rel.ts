// Secret canary (issue 8), CLI side: every CLI command runs as a real process with canary secrets
// (`sk-lf-demo-…` from the sandbox world, `sk-lf-canary-…` in the workspace, and the new secret a
// rotation creates), then its stdout/stderr, its report files and the whole temp home (state folder:
// journal, audit log, cursors, locks; config folder) are scanned. Allowed holders: the inputs that
// hold keys by design (workspace .env files, a compose file with an inline secret), the rotation's
// sink target, the CLI's 0600 credentials file and the sandbox's own state/credentials files.
// Figure: canary occurrences anywhere else (must be 0).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleCli } from '../lib/bundle';
import { figure, runPart } from '../lib/figures';
// @ts-expect-error: plain ESM module shared with the lead's post-run scan (no type declarations)
import { scanOutputs, scanPaths, secretsFromCredentialsFile } from '../canaryScan.mjs';

const PART = 'canary';
const ROOT = path.join(__dirname, '..', '..', '..');
const CANARY_PAIR = { publicKey: 'pk-lf-e5000000-0000-4000-8000-00000000beef', secretKey: 'sk-lf-canary-c2000000-0000-4000-8000-00000000beef' };

interface Occurrence { file: string; line: number; column: number; kind: string; shown: string }

runPart(PART, async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-canary-'));
  const bin = path.join(home, 'bin');
  fs.mkdirSync(bin);
  const cli = await bundleCli(bin);
  const cfg = path.join(home, 'cfg', 'langfuse-access');
  fs.mkdirSync(cfg, { recursive: true });
  const ws = path.join(home, 'workspace');
  fs.cpSync(path.join(ROOT, 'test/fixtures/workspace-acme'), ws, { recursive: true });
  const reports = path.join(home, 'reports');
  fs.mkdirSync(reports);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'cfg'), XDG_STATE_HOME: path.join(home, 'state'),
    LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com', NODE_PATH: path.join(ROOT, 'node_modules'),
  };
  const outputs: Record<string, string> = {};
  let failedCommands = 0;
  const failures: string[] = [];
  const run = (label: string, args: string[], options: { expect?: number[]; extraEnv?: Record<string, string> } = {}) => new Promise<{ code: number | null; out: string }>(resolve => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ws, env: { ...env, ...options.extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { err += d; });
    child.on('close', code => {
      outputs[`${label} (stdout)`] = out;
      outputs[`${label} (stderr)`] = err;
      if (!(options.expect ?? [0, 1]).includes(code ?? -1)) { failedCommands++; failures.push(`${label}: exit ${code}: ${err.slice(-300)}`); process.stderr.write(`[canary] ${label} exit ${code}:\n${err.replace(/sk-lf-[A-Za-z0-9-]+/g, 'sk-lf-…')}\n`); }
      resolve({ code, out });
    });
  });

  // The sandbox as its own CLI process (acme world: every secret is an sk-lf-demo- canary).
  const sandboxCreds = path.join(home, 'sandbox-credentials.json');
  const sandboxState = path.join(home, 'sandbox-state.json');
  const sandbox = spawn(process.execPath, [cli, 'sandbox', '--credentials-out', sandboxCreds, '--state', sandboxState], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let sandboxOut = '', sandboxErr = '';
  sandbox.stderr.on('data', d => { sandboxErr += d; });
  const url = await new Promise<string>((resolve, reject) => {
    sandbox.stdout.on('data', d => { sandboxOut += d; const m = /http:\/\/127\.0\.0\.1:\d+/.exec(sandboxOut); if (m && fs.existsSync(sandboxCreds)) resolve(m[0]); });
    sandbox.once('exit', code => reject(new Error(`sandbox exited ${code}: ${sandboxErr}`)));
    setTimeout(() => reject(new Error('sandbox did not start in 15 s')), 15_000);
  });

  try {
    // The CLI's connection: a 0600 credentials file (allowed holder) named by connections.yaml.
    const creds = JSON.parse(fs.readFileSync(sandboxCreds, 'utf8')) as { organization: { publicKey: string; secretKey: string } };
    const orgCreds = path.join(cfg, 'acme.json');
    fs.writeFileSync(orgCreds, JSON.stringify(creds.organization), { mode: 0o600 });
    fs.writeFileSync(path.join(cfg, 'connections.yaml'), `connections:\n  - id: local-sandbox\n    name: Acme (sandbox)\n    baseUrl: "${url}"\n    credentialsFile: acme.json\n`);

    // Workspace inputs holding canaries by design.
    fs.writeFileSync(path.join(ws, '.env.local'), `LANGFUSE_PUBLIC_KEY=${CANARY_PAIR.publicKey}\nLANGFUSE_SECRET_KEY="${CANARY_PAIR.secretKey} "\nLANGFUSE_BASE_URL=${url}\n`);
    const target = path.join(ws, 'deploy', 'staging.env');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const staging = Object.entries(JSON.parse(fs.readFileSync(sandboxCreds, 'utf8')).projects as Record<string, { publicKey: string; secretKey: string }>).find(([n]) => n === 'staging-chatbot')![1];
    fs.writeFileSync(target, `LANGFUSE_PUBLIC_KEY=${staging.publicKey}\nLANGFUSE_SECRET_KEY=${staging.secretKey}\nLANGFUSE_BASE_URL=${url}\n`, { mode: 0o600 });
    const compose = path.join(ws, 'deploy', 'docker-compose.yml');
    fs.writeFileSync(compose, `services:\n  langfuse-web:\n    image: langfuse/langfuse:latest\n    environment:\n      NEXTAUTH_SECRET: sk-lf-canary-nextauth-0000000000000001\n      SALT: sk-lf-canary-salt-000000000000000002\n      LANGFUSE_INIT_PROJECT_SECRET_KEY: ${CANARY_PAIR.secretKey}\n      NEXTAUTH_URL: http://langfuse.acme.internal\n`);

    for (const format of ['text', 'json', 'sarif']) {
      const r = await run(`lint --format ${format}`, ['lint', '.', '--format', format]);
      fs.writeFileSync(path.join(reports, `lint.${format}`), r.out);
    }
    await run('lint --online', ['lint', '.', '--online', '--format', 'json']);
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const r = await run(`compliance --format ${format}`, ['compliance', compose, '--format', format]);
      fs.writeFileSync(path.join(reports, `compliance.${format}`), r.out);
    }
    await run('rotate', ['rotate', '--connection', 'local-sandbox', '--project', 'staging-chatbot', '--key', staging.publicKey, '--to', `env:${target}`, '--yes', '--scan', path.dirname(target)], { expect: [0] });
    await run('rotate --list', ['rotate', '--list'], { expect: [0] });
    await run('audit verify', ['audit', 'verify'], { expect: [0] });
    await run('audit export jsonl', ['audit', 'export', '--format', 'jsonl', '--output', path.join(reports, 'audit.jsonl')], { expect: [0] });
    await run('audit export csv', ['audit', 'export', '--format', 'csv'], { expect: [0] });
    await run('audit tail', ['audit', 'tail', '-n', '50', '--json'], { expect: [0] });
    await run('lint after rotation', ['lint', '.', '--format', 'json']);
  } finally {
    sandbox.kill('SIGTERM');
    await new Promise(r => sandbox.once('exit', r));
  }
  outputs['sandbox (stdout)'] = sandboxOut;
  outputs['sandbox (stderr)'] = sandboxErr;

  // Every secret involved: the canary forms by pattern, plus the rotation's new secret (not a canary
  // form: the sandbox makes it) read from the target that holds it.
  const target = path.join(ws, 'deploy', 'staging.env');
  const secrets = [...secretsFromCredentialsFile(target), ...secretsFromCredentialsFile(sandboxCreds)];
  const outputHits: Occurrence[] = scanOutputs(outputs, { secrets });
  const allow = [
    path.join(ws, '.env*'), path.join(ws, '**', '.env'), path.join(ws, '**', '.env.*'), target, path.join(ws, 'deploy', 'docker-compose.yml'),
    path.join(home, 'cfg', 'langfuse-access', 'acme.json'), sandboxCreds, sandboxState, path.join(home, 'bin'),
  ];
  const scan = scanPaths([home], { secrets, allow });
  const fileHits: Occurrence[] = scan.occurrences;
  // The rotation's pending-secret file (rotations/<id>.secret.json) may hold the new secret only
  // while the rotation is open; it completed, so it must be gone.
  const pendingLeft = fs.existsSync(path.join(home, 'state')) ? fs.readdirSync(path.join(home, 'state'), { recursive: true }).map(String).filter(f => /\.secret\.json$|pending/i.test(f)) : [];
  fs.rmSync(home, { recursive: true, force: true });

  process.stderr.write(`[canary] ${Object.keys(outputs).length / 2} CLI runs, ${scan.filesScanned} files scanned, ${scan.allowed.length} occurrences in allowed holders, ${secrets.length} known secrets\n`);
  for (const o of [...outputHits, ...fileHits].slice(0, 10)) process.stderr.write(`[canary] LEAK ${o.file.replace(home, '~')}:${o.line}:${o.column} ${o.kind} ${o.shown}\n`);
  // The scanner itself must find what it is for: planted leaks in the forms a bug would produce.
  const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-planted-'));
  fs.writeFileSync(path.join(planted, 'output.log'), `[info] using ${CANARY_PAIR.secretKey}\n`);
  fs.writeFileSync(path.join(planted, 'request.log'), `Authorization: Basic ${Buffer.from(`${CANARY_PAIR.publicKey}:${CANARY_PAIR.secretKey}`).toString('base64')}\n`);
  fs.writeFileSync(path.join(planted, 'state.vscdb'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(`{"secret":"${CANARY_PAIR.secretKey}"}`, 'utf16le')]));
  fs.writeFileSync(path.join(planted, 'settings.json.gz'), (await import('node:zlib')).gzipSync(`{"key":"${CANARY_PAIR.secretKey}"}`));
  const plantedFound = new Set(scanPaths([planted]).occurrences.map((o: Occurrence) => path.basename(o.file))).size;
  fs.rmSync(planted, { recursive: true, force: true });
  figure(PART, 'scanner self-check: planted leaks found (plain, Basic header, UTF-16 binary, gzip)', plantedFound, { min: 4 });
  figure(PART, 'CLI commands that failed to run (lint, compliance, rotate, audit, sandbox)', failedCommands, { max: 0 }, failures[0]);
  figure(PART, `canary occurrences in CLI stdout/stderr (${Object.keys(outputs).length} streams)`, outputHits.length, { max: 0 }, outputHits[0] && `${outputHits[0].file} ${outputHits[0].kind} ${outputHits[0].shown}`);
  figure(PART, `canary occurrences in files outside allowed holders (${scan.filesScanned} files: reports, state, config)`, fileHits.length, { max: 0 }, fileHits[0] && `${path.relative(home, fileHits[0].file)}:${fileHits[0].line} ${fileHits[0].kind} ${fileHits[0].shown}`);
  figure(PART, 'allowed holders that really held a canary (scanner sees them)', scan.allowed.length, { min: 1 });
  figure(PART, 'pending-secret files left after the rotation completed', pendingLeft.length, { max: 0 }, pendingLeft[0]);
});
