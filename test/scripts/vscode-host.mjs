// Shared by the integration, e2e and `npm start` scripts: start a local code-server (VS Code 1.100.3
// server + web UI) and a headless Debian Chromium driven by playwright-core. No network, no display.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { chromium } from 'playwright-core';

const here = path.dirname(new URL(import.meta.url).pathname);
export const extRoot = path.resolve(here, '..', '..');
/** Who `npm start` and the e2e run act as: ADMIN of the acme organization, production-chatbot and staging-chatbot, so every demo journey is allowed. */
export const DEMO_IDENTITY = 'senior-dev@acme.com';

// Where code-server is installed (see setup-vscode-host.sh). Override with CODE_SERVER_DIR.
export const codeServerEntry = path.join(
  process.env.CODE_SERVER_DIR ?? path.join(extRoot, 'test', 'host'),
  'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** XDG dirs inside `dir`, so nothing is written under $HOME (~/.config, ~/.local/share, ~/.cache). */
export function xdgEnv(dir) {
  const env = {
    XDG_CONFIG_HOME: path.join(dir, 'xdg-config'),
    XDG_DATA_HOME: path.join(dir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg-cache'),
  };
  for (const d of Object.values(env)) { fs.mkdirSync(d, { recursive: true }); }
  return env;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

async function waitForHttp(url, ms, proc) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (proc.exitCode !== null) { throw new Error(`code-server exited early with ${proc.exitCode}`); }
    try { const r = await fetch(url); if (r.ok) { return; } } catch { /* not up yet */ }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`timeout waiting for ${url}`);
}

/** Starts code-server on 127.0.0.1:<free port> with a throw-away user-data/extensions dir.
 *  installVsix: optional list of .vsix files installed (like a user would) before start.
 *  workspaceTrust: true turns VS Code's workspace trust on, with no start-up prompt: a folder opened in
 *  the fresh browser profile is then NOT trusted (Restricted Mode), as for a user who just cloned it. */
export async function startCodeServer({ settings = {}, installVsix = [], log = process.env.VSCODE_HOST_LOG, env = {}, port: wantedPort, keepOpen = false, workspaceTrust = false } = {}) {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server not installed at ${codeServerEntry}; run test/scripts/setup-vscode-host.sh`);
  }
  const port = wantedPort ?? await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vsc-host-'));
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, ''); // keeps code-server from writing ~/.config/code-server/config.yaml
  // Quiet, offline-friendly user settings (code-server keeps them server-side in <user-data-dir>/User).
  fs.mkdirSync(path.join(tmp, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'user-data', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.colorTheme': 'Default Light Modern', // pin the theme for stable screenshots
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': workspaceTrust,
    ...(workspaceTrust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    ...settings,
  }, null, 2));
  const dirArgs = [
    '--config', configFile,
    '--user-data-dir', path.join(tmp, 'user-data'),
    '--extensions-dir', path.join(tmp, 'extensions'),
  ];
  for (const vsix of installVsix) {
    execFileSync(process.execPath, [codeServerEntry, ...dirArgs, '--install-extension', path.resolve(vsix)], { stdio: 'inherit' });
  }
  const args = [
    codeServerEntry,
    ...dirArgs,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const proc = spawn(process.execPath, args, {
    detached: true, // own process group: we can kill code-server + ext host + watchers together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      EXTENSIONS_GALLERY: '{}', // no marketplace (open-vsx.org) lookups
      // Keep code-server's coder-logs/heartbeat/config and VS Code's deviceid out of $HOME.
      ...xdgEnv(tmp),
      ...env,
    },
  });
  // If the runner dies (Ctrl-C, CI timeout SIGTERM), don't leave code-server + ext host behind.
  const killGroup = sig => { try { process.kill(-proc.pid, sig); } catch { /* already gone */ } };
  const reap = () => killGroup('SIGKILL');
  process.once('exit', reap);
  if (!keepOpen) { for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) { process.once(sig, () => process.exit(130)); } }
  const logStream = log ? fs.createWriteStream(log) : null;
  let captured = '';
  for (const s of [proc.stdout, proc.stderr]) {
    s.on('data', d => { captured += d; logStream?.write(d); if (process.env.VSCODE_HOST_VERBOSE) { process.stderr.write(d); } });
  }
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60000, proc);
  } catch (e) {
    killGroup('SIGKILL');
    throw new Error(`${e.message}\n${captured}`);
  }
  const base = `http://127.0.0.1:${port}`;
  return {
    port, base, tmp, proc,
    output: () => captured,
    remoteUri: p => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`,
    async stop() {
      if (proc.exitCode === null) {
        killGroup('SIGTERM');
        await Promise.race([new Promise(r => proc.once('exit', r)), new Promise(r => setTimeout(r, 5000))]);
      }
      killGroup('SIGKILL'); // stragglers (file watcher, pty host) left in the group
      process.removeListener('exit', reap);
      logStream?.end();
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Headless Debian Chromium via playwright-core (no Xvfb needed). */
export async function launchBrowser() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vsc-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, ...xdgEnv(userDataDir) }, // Crash Reports/dconf stay out of $HOME
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    context,
    async close() { await context.close().catch(() => {}); fs.rmSync(userDataDir, { recursive: true, force: true }); },
  };
}

/** URL that opens `folder` and (optionally) loads the extension under development + test runner. */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const payload = [];
  if (extensionDevelopmentPath) { payload.push(['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)]); }
  if (extensionTestsPath) { payload.push(['extensionTestsPath', server.remoteUri(extensionTestsPath)]); }
  const q = new URLSearchParams();
  if (folder) { q.set('folder', path.resolve(folder)); }
  if (payload.length) { q.set('payload', JSON.stringify(payload)); }
  return `${server.base}/?${q}`;
}
