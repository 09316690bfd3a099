// Runs a mocha suite inside the REAL Node extension host of VS Code 1.100.3 (code-server), driven
// headless by Chromium, against a real sandbox over HTTP. Exit code 0/1; closing line "<pass>: N passed, N failed".
//   node test/scripts/run-integration-tests.mjs               the main suite (test/integration/suite), workspace trust off
//   node test/scripts/run-integration-tests.mjs --restricted  test/integration/restricted: workspace trust ON and the
//                                                             folder NOT trusted (Restricted Mode), as for a fresh clone
// Both passes serve the workbench probe (workbench-probe.mjs): tests can read and click what is rendered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startCodeServer, launchBrowser, workbenchUrl, extRoot } from './vscode-host.mjs';
import { startSandboxProcess } from './sandbox-process.mjs';
import { canaryCheck } from './canary-check.mjs';
import { serveWorkbenchProbe } from './workbench-probe.mjs';

const PASSES = {
  trusted: { label: 'integration', suite: 'suite', workspaceTrust: false },
  restricted: { label: 'integration-restricted', suite: 'restricted', workspaceTrust: true },
};
const unknown = process.argv.slice(2).filter(a => a !== '--restricted');
if (unknown.length) { console.error(`usage: run-integration-tests.mjs [--restricted] (unknown: ${unknown.join(' ')})`); process.exit(2); }
const pass = process.argv.includes('--restricted') ? PASSES.restricted : PASSES.trusted;
const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 300000);
const t0 = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-it-'));
const resultFile = path.join(tmp, 'result.json');
const outputFile = path.join(tmp, 'output.log');
fs.writeFileSync(outputFile, '');
const stateHome = path.join(tmp, 'state');
fs.mkdirSync(stateHome, { recursive: true });
// Outside the workspace: where a test looks for side effects that must NOT happen (files a hostile
// workspace tries to reach), and the probe's mailbox.
const outsideDir = path.join(tmp, 'outside-workspace');
fs.mkdirSync(outsideDir, { recursive: true });
const probeDir = path.join(tmp, 'probe');

// Copy the sample workspace so tests can't dirty the repo.
const workspace = path.join(tmp, 'workspace-acme');
fs.cpSync(path.join(extRoot, 'test', 'fixtures', 'workspace-acme'), workspace, { recursive: true });

let printed = 0;
const tail = () => {
  const buf = fs.readFileSync(outputFile);
  if (buf.length > printed) { process.stdout.write(buf.subarray(printed)); printed = buf.length; }
};
const tailTimer = setInterval(tail, 250);

let sandbox, server, browser, probe, exitCode = 1, canaryClean = false;
const workbenchLog = [];
try {
  sandbox = await startSandboxProcess({ dir: tmp });
  // Inherited by code-server -> its Node extension host -> the extension and the test suite.
  const env = {
    VSCODE_TEST_RESULT_FILE: resultFile,
    VSCODE_TEST_OUTPUT_FILE: outputFile,
    XDG_STATE_HOME: stateHome,
    LANGFUSE_ACCESS_SANDBOX_CREDENTIALS: sandbox.credentialsFile,
    LANGFUSE_ACCESS_TEST_WORKSPACE: workspace,
    LANGFUSE_ACCESS_TEST_OUTSIDE: outsideDir,
    VSCODE_TEST_PROBE_DIR: probeDir,
  };
  server = await startCodeServer({ env, settings: { 'langfuseAccess.actingAs': 'engineering-lead@acme.com' }, workspaceTrust: pass.workspaceTrust });
  browser = await launchBrowser();
  const page = await browser.context.newPage();
  probe = serveWorkbenchProbe(page, probeDir);
  const done = new Promise(resolve => {
    page.exposeFunction('codeAutomationExit', code => resolve(code));
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = `[${type}] ${(args ?? []).map(a => typeof a === 'string' ? a : JSON.stringify(a)).join(' ')}`;
      workbenchLog.push(line); if (workbenchLog.length > 200) workbenchLog.shift();
      if (process.env.VSCODE_TEST_BROWSER_LOG) console.log(line);
    });
  });
  page.on('pageerror', e => console.error('[page error]', e.message));
  await page.goto(workbenchUrl(server, {
    folder: workspace,
    extensionDevelopmentPath: extRoot,
    extensionTestsPath: path.join(extRoot, 'out', 'test', 'integration', pass.suite, 'index'),
  }));
  const timeout = new Promise((_, rej) => setTimeout(() => rej(new Error(`extension tests timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS));
  exitCode = await Promise.race([done, timeout]);
} catch (e) {
  console.error(e?.stack ?? e);
  if (server) console.error('--- code-server output ---\n' + server.output().slice(-5000));
  exitCode = 1;
} finally {
  probe?.stop();
  await browser?.close();
  if (server) canaryClean = canaryCheck(`${pass.label}:`, { stateDir: stateHome, userDataDir: path.join(server.tmp, 'user-data'), credentialsFile: sandbox?.credentialsFile });
  await server?.stop();
  await sandbox?.stop();
  clearInterval(tailTimer);
  tail();
}
console.log(`extension host exit code ${exitCode}; took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
let summary = '0 passed, 1 failed';
if (fs.existsSync(resultFile)) {
  summary = JSON.parse(fs.readFileSync(resultFile, 'utf8')).summary;
} else if (exitCode !== 0) {
  console.log('--- workbench log (tail) ---\n' + workbenchLog.slice(-40).join('\n'));
}
fs.rmSync(tmp, { recursive: true, force: true });
// The canary scan counts as one more test: a secret anywhere outside its allowed holders fails the run.
const [passed, failed] = (/(\d+) passed, (\d+) failed/.exec(summary) ?? ['', '0', '1']).slice(1);
console.log(`${pass.label}: ${Number(passed) + (canaryClean ? 1 : 0)} passed, ${Number(failed) + (canaryClean ? 0 : 1)} failed`);
process.exit(exitCode === 0 && canaryClean ? 0 : 1);
