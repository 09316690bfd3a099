// E2E: the real VS Code 1.100.3 web UI (code-server) with the extension loaded, against the sandbox,
// driven by playwright-core + Debian Chromium (headless). Each case saves a screenshot under
// test/e2e/artifacts/. Closing line "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_IDENTITY, startCodeServer, launchBrowser, workbenchUrl, extRoot } from '../scripts/vscode-host.mjs';
import { startSandboxProcess } from '../scripts/sandbox-process.mjs';
import { cases } from './cases.mjs';
import { visibleText } from './workbench.mjs';
import { canaryCheck } from '../scripts/canary-check.mjs';
import { runPseudoL10nCase } from './pseudo-l10n.mjs';

const artifacts = path.join(extRoot, 'test', 'e2e', 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
const t0 = Date.now();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-e2e-'));
const workspace = path.join(tmp, 'workspace-acme');
fs.cpSync(path.join(extRoot, 'test', 'fixtures', 'workspace-acme'), workspace, { recursive: true });
const stateHome = path.join(tmp, 'state');
fs.mkdirSync(stateHome, { recursive: true });

let passed = 0, failed = 0, sandbox, server, browser;
const grep = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : undefined;
try {
  sandbox = await startSandboxProcess({ dir: tmp });
  server = await startCodeServer({
    env: { XDG_STATE_HOME: stateHome, LANGFUSE_ACCESS_SANDBOX_CREDENTIALS: sandbox.credentialsFile },
    // As `npm start` does: the screenshots show what a newcomer sees.
    settings: { 'langfuseAccess.actingAs': DEMO_IDENTITY },
  });
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
  const page = await browser.context.newPage();
  page.setDefaultTimeout(45000);
  await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: extRoot }));
  await page.locator('.monaco-workbench').waitFor();
  const secrets = [sandbox.credentials.organization.secretKey, ...Object.values(sandbox.credentials.projects).map(p => p.secretKey)];
  for (const c of cases) {
    if (grep && !grep.test(c.name)) continue;
    const shot = path.join(artifacts, `${c.name}.png`);
    const started = Date.now();
    try {
      const captured = await c.run({ page, sandbox, workspace, shot });
      const text = captured?.visible ? await captured.visible.innerText() : await visibleText(page);
      const leaked = secrets.filter(s => text.includes(s));
      if (leaked.length) throw new Error(`a secret key is visible on screen in "${c.name}"`);
      console.log(`  ✔ ${c.name} (${Date.now() - started} ms) → ${path.relative(extRoot, shot)}`);
      passed++;
    } catch (e) {
      console.log(`  ✘ ${c.name}: ${e?.message ?? e}`);
      await page.screenshot({ path: shot.replace(/\.png$/, '-failure.png') }).catch(() => {});
      failed++;
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  const pseudoCase = 'pseudo-localised-ui';
  if (!grep || grep.test(pseudoCase)) {
    // A window of its own (another display language) in the same browser: the first one is closed
    // to spare the CPU.
    await page.close();
    const shot = path.join(artifacts, `${pseudoCase}.png`);
    const started = Date.now();
    try {
      const text = await runPseudoL10nCase({ context: browser.context, server, tmp, workspace, shot });
      if (secrets.some(s => text.includes(s))) throw new Error(`a secret key is visible on screen in "${pseudoCase}"`);
      console.log(`  ✔ ${pseudoCase} (${Date.now() - started} ms) → ${path.relative(extRoot, shot)}`);
      passed++;
    } catch (e) {
      console.log(`  ✘ ${pseudoCase}: ${e?.message ?? e}`);
      failed++;
    }
  }
} catch (e) {
  console.error(e?.stack ?? e);
  failed++;
} finally {
  await browser?.close();
  if (server) { if (canaryCheck('e2e:', { stateDir: stateHome, userDataDir: path.join(server.tmp, 'user-data'), credentialsFile: sandbox?.credentialsFile })) passed++; else failed++; }
  await server?.stop();
  await sandbox?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`e2e took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
