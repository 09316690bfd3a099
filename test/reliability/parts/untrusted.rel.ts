// Untrusted workspace and hostile repositories (issue 8), at the core/CLI level: a cloned repo whose
// .env files name an attacker host, whose access file tries to set a host or names a URL as its
// connection, whose .vscode/settings.json redefines connections, and whose git config would run a
// command if anything spawned git in it. The CLI commands that read workspaces (lint, lint --online,
// compliance, rotate --scan) run against it as real processes. Figures: connections to the attacker
// (0), requests sent anywhere by offline commands (0), commands run by the repo's git config (0),
// online checks that fell back to a workspace-named host (0).
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox } from '../../../src/sandbox/index';
import { bundleCli } from '../lib/bundle';
import { figure, runPart } from '../lib/figures';
import { startAttacker } from '../lib/maliciousServer';

const PART = 'untrusted-workspace';

runPart(PART, async () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-untrusted-'));
  const cli = await bundleCli(home);
  const attacker = await startAttacker('127.0.0.2');
  const attackerLoopback = await startAttacker('127.0.0.1');
  const sandbox = await startSandbox();
  const keysBefore = [...sandbox.store.apiKeys.values()].length;
  const pair = sandbox.credentials.projects['staging-chatbot'];
  const marker = path.join(home, 'git-ran-a-command');

  // The hostile repository.
  const repo = path.join(home, 'cloned-repo');
  fs.mkdirSync(path.join(repo, '.langfuse'), { recursive: true });
  fs.mkdirSync(path.join(repo, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(repo, 'svc'), { recursive: true });
  const envBody = (host: string) => `LANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\nLANGFUSE_BASE_URL=${host}\nLANGFUSE_HOST=${host}\nLANGFUSE_BASEURL=${host}\n`;
  fs.writeFileSync(path.join(repo, '.env'), envBody(attacker.url));
  fs.writeFileSync(path.join(repo, 'svc', '.env.staging'), envBody(attackerLoopback.url));
  fs.writeFileSync(path.join(repo, '.langfuse', 'access.yaml'), `version: 1\nconnection: "${attacker.url}"\nbaseUrl: ${attacker.url}\nhost: ${attacker.url}\nurl: ${attackerLoopback.url}\nenvironments:\n  staging:\n    project: staging-chatbot\n    files: [".env", "svc/.env.staging"]\n`);
  const repo2 = path.join(home, 'cloned-repo-2');
  fs.mkdirSync(path.join(repo2, '.langfuse'), { recursive: true });
  fs.writeFileSync(path.join(repo2, '.env'), envBody(attacker.url));
  // A valid access file naming a connection; where it points is the user's business.
  fs.writeFileSync(path.join(repo2, '.langfuse', 'access.yaml'), `version: 1\nconnection: acme\nenvironments:\n  staging:\n    project: staging-chatbot\n    files: [".env"]\n`);
  fs.writeFileSync(path.join(repo, '.vscode', 'settings.json'), JSON.stringify({
    'langfuseAccess.connections': [{ id: 'acme', name: 'Acme', baseUrl: attacker.url }],
    'langfuseAccess.allowedHosts': [new URL(attacker.url).host],
    'langfuseAccess.verifyKeysOnline': true,
  }, null, 2));
  fs.writeFileSync(path.join(repo, 'docker-compose.yml'), `services:\n  langfuse-web:\n    image: langfuse/langfuse:3\n    environment:\n      NEXTAUTH_URL: ${attacker.url}\n      LANGFUSE_BASE_URL: ${attacker.url}\n`);
  // A git repo whose config runs a command whenever git itself runs in it (fsmonitor, hooks).
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync('git', ['-c', 'core.fsmonitor=false', 'add', '-f', '.env'], { cwd: repo, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  execFileSync('git', ['config', 'core.fsmonitor', `touch ${marker}; false`], { cwd: repo });
  execFileSync('git', ['config', 'core.hooksPath', '.githooks'], { cwd: repo });
  fs.mkdirSync(path.join(repo, '.githooks'));
  for (const hook of ['pre-commit', 'post-checkout', 'post-index-change']) fs.writeFileSync(path.join(repo, '.githooks', hook), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });

  const cfg = path.join(home, 'cfg', 'langfuse-access');
  fs.mkdirSync(cfg, { recursive: true });
  fs.writeFileSync(path.join(cfg, 'acme.json'), JSON.stringify(sandbox.credentials.organization), { mode: 0o600 });
  const baseEnv: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'cfg'), XDG_STATE_HOME: path.join(home, 'state'), LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com' };
  const run = (args: string[], cwd: string, extraEnv: Record<string, string> = {}) => new Promise<{ code: number | null; out: string; err: string }>(resolve => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...baseEnv, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { err += d; });
    child.on('close', code => resolve({ code, out, err }));
  });

  // Offline commands: nothing may leave for any host.
  sandbox.resetStats();
  const offline = [
    await run(['lint', '.', '--format', 'json'], repo),
    await run(['lint', '.', '--format', 'sarif'], repo2),
    await run(['compliance', 'docker-compose.yml', '--format', 'json'], repo),
  ];
  const offlineRequests = sandbox.stats.requests + attacker.connections + attackerLoopback.connections;
  const accessRefused = /hosts never come from the workspace/.test(offline[0].out + offline[0].err) && offline[0].code === 2;

  // Online without any user-configured connection: must refuse, not use the workspace's host.
  const noConnection = await run(['lint', '.', '--online'], repo2);
  // Online with the user's connection (the sandbox): keys go only there.
  fs.writeFileSync(path.join(cfg, 'connections.yaml'), `connections:\n  - id: acme\n    name: Acme\n    baseUrl: "${sandbox.url}"\n    credentialsFile: acme.json\n`);
  sandbox.resetStats();
  const online = await run(['lint', '.', '--online', '--format', 'json'], repo2);
  const onlineToSandbox = sandbox.stats.requests;
  // The repo's own .env target is a symbolic link to the user's shell start-up file, and a file NAMED as a
  // command link with terminal escapes holds the key (issue 19): the rotation refuses the target before
  // creating anything, and what it prints carries no control character.
  const bashrc = path.join(home, '.bashrc');
  fs.writeFileSync(bashrc, 'alias ll="ls -l"\n');
  fs.symlinkSync('../../.bashrc', path.join(repo, 'svc', '.env.production'));
  fs.writeFileSync(path.join(repo, '[Open deploy checklist](command:workbench.action.terminal.sendSequence)\u001b]0;owned\u0007'), `LANGFUSE_PUBLIC_KEY=${pair.publicKey}\n`);
  const linked = await run(['rotate', '--connection', 'acme', '--project', 'staging-chatbot', '--key', pair.publicKey, '--to', 'env:svc/.env.production', '--yes'], repo);
  const keysAfterRefusal = [...sandbox.store.apiKeys.values()].length;
  // A rotation scanning the hostile repo for references.
  const rotation = await run(['rotate', '--connection', 'acme', '--project', 'staging-chatbot', '--key', pair.publicKey, '--to', `env:${path.join(home, 'target.env')}`, '--scan', repo, '--yes'], home);
  const bashrcAfter = fs.readFileSync(bashrc, 'utf8');
  // eslint-disable-next-line no-control-regex
  const controlsPrinted = [linked, rotation].reduce((n, r) => n + (`${r.out}${r.err}`.replace(/[\n\t]/g, '').match(/[\u0000-\u001f\u007f-\u009f]/g)?.length ?? 0), 0);

  const attackerConnections = attacker.connections + attackerLoopback.connections;
  const gitRan = fs.existsSync(marker) ? 1 : 0;
  process.stderr.write(`[untrusted] lint exit ${offline[0].code} (access file with host fields), lint repo2 exit ${offline[1].code}, compliance exit ${offline[2].code}; --online without a connection exit ${noConnection.code}: ${noConnection.err.trim().slice(0, 160)}; --online exit ${online.code}, ${onlineToSandbox} requests to the user's sandbox; rotate --scan exit ${rotation.code}\n`);
  await sandbox.close();
  await attacker.close();
  await attackerLoopback.close();
  fs.rmSync(home, { recursive: true, force: true });

  figure(PART, 'connections to the attacker host named by the repo (.env, access file, settings)', attackerConnections, { max: 0 }, [...attacker.requests, ...attackerLoopback.requests].join(', ') || undefined);
  figure(PART, 'requests from offline commands (lint, lint --format sarif, compliance)', offlineRequests, { max: 0 });
  figure(PART, 'access file setting a host refused with exit 2 and the field named', accessRefused ? 1 : 0, { min: 1 }, offline[0].out.slice(0, 160));
  figure(PART, '--online with no user connection: refused (exit 2) instead of a workspace host', noConnection.code === 2 ? 1 : 0, { min: 1 }, noConnection.err.slice(0, 160));
  figure(PART, '--online with the user connection: requests reached the user-approved host', onlineToSandbox, { min: 1 }, `exit ${online.code}`);
  figure(PART, '--online with the user connection: lint ran (exit 0 or 1)', online.code === 0 || online.code === 1 ? 1 : 0, { min: 1 }, online.err.slice(0, 160));
  figure(PART, 'commands run by the repo\'s git config (fsmonitor, hooks)', gitRan, { max: 0 });
  figure(PART, 'rotate into the repo\'s .env that links to ~/.bashrc: refused (exit 2), ~/.bashrc unchanged', linked.code === 2 && bashrcAfter === 'alias ll="ls -l"\n' ? 1 : 0, { min: 1 }, `exit ${linked.code}: ${linked.err.slice(-600)}`);
  figure(PART, 'keys created before that refusal', keysAfterRefusal - keysBefore, { max: 0 });
  figure(PART, 'control characters printed by rotate for a hostile file name (stdout, stderr)', controlsPrinted, { max: 0 });
});
