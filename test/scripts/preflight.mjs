// Before `npm test` runs its first layer: the system packages the tests start for real are there. As
// root with apt-get they are installed here (like setup-vscode-host.sh does for Chromium); otherwise the
// run stops with ONE line saying what to install and how, never with a failure deep inside a layer.
// moto (AWS Secrets Manager) comes from the machine image's Python and is only checked.
// Self-contained (node: modules only), so its test can run a copy as another user.
//   node test/scripts/preflight.mjs     exit 0 ready, 1 not (the line says why)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const isExecutable = file => {
  try { return fs.statSync(file).isFile() && (fs.accessSync(file, fs.constants.X_OK), true); } catch { return false; }
};
const onPath = (cmd, env) => (env.PATH ?? '').split(path.delimiter).some(dir => dir && isExecutable(path.join(dir, cmd)));

function codeServerInstalled(env) {
  const hostDir = env.CODE_SERVER_DIR ?? path.join(here, '..', 'host');
  return fs.existsSync(path.join(hostDir, 'node_modules', '.vscode-host-ok'));
}

/** Debian packages the suites need, each with how to tell it is there. */
function debianNeeds(env) {
  const needs = [
    ['pass', () => onPath('pass', env)],
    ['gnupg', () => onPath('gpg', env) && onPath('gpg-agent', env)],
    ['chromium', () => isExecutable(env.CHROMIUM_PATH ?? '/usr/bin/chromium')],
    ['ripgrep', () => onPath('rg', env)],
  ];
  // Building code-server's native modules (first run only; see setup-vscode-host.sh).
  if (!codeServerInstalled(env)) {
    needs.push(['libkrb5-dev', () => fs.existsSync('/usr/include/krb5.h')], ['pkg-config', () => onPath('pkg-config', env)],
      ['make', () => onPath('make', env)], ['g++', () => onPath('g++', env)], ['python3', () => onPath('python3', env)]);
  }
  return needs;
}

const missingDebian = env => debianNeeds(env).filter(([, present]) => !present()).map(([name]) => name);

function motoPresent(env) {
  return spawnSync('python3', ['-c', 'import moto, flask'], { env, stdio: 'ignore' }).status === 0;
}

function aptInstall(packages, env) {
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const wait = ['-o', 'DPkg::Lock::Timeout=300']; // another apt-get on a shared machine: wait, don't fail
  for (const args of [[...wait, 'update', '-qq'], [...wait, 'install', '-y', '-qq', '--no-install-recommends', ...packages]]) {
    const r = spawnSync('apt-get', args, { env: aptEnv, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) return (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop();
  }
  return undefined;
}

/** Prints nothing when all is there, a line per install, or the one line that stops the run. Returns ready. */
export function preflight(env = process.env, print = line => process.stderr.write(`${line}\n`)) {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  const canInstall = process.getuid?.() === 0 && onPath('apt-get', env);
  const debian = missingDebian(env);
  const moto = motoPresent(env);
  if (debian.length && canInstall && moto && nodeMajor === 20) {
    print(`npm test: installing ${debian.join(' ')} (apt-get, once)`);
    const failure = aptInstall(debian, env);
    const still = missingDebian(env);
    if (!still.length) return true;
    print(`npm test: apt-get could not install ${still.join(' ')}${failure ? ` (${failure})` : ''}; install them yourself (apt-get install -y --no-install-recommends ${still.join(' ')}), then run npm test again.`);
    return false;
  }
  const steps = [];
  if (nodeMajor !== 20) steps.push(`Node.js 20 (found ${process.version}; the VS Code test host, code-server 4.100.3, runs on Node 20)`);
  if (debian.length) {
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    steps.push(onPath('apt-get', env)
      ? `\`${sudo}apt-get install -y --no-install-recommends ${debian.join(' ')}\``
      : `the Debian packages ${debian.join(', ')} (or your system's equivalents)`);
  }
  if (!moto) steps.push('`pip install "moto[server]"` into the python3 on your PATH (moto_server, for the AWS Secrets Manager tests)');
  if (!steps.length) return true;
  print(`npm test cannot start: install ${steps.join(' and ')}, then run npm test again.`);
  return false;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(preflight() ? 0 : 1);
}
