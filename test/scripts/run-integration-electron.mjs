// The same integration suite, launched through @vscode/test-electron (desktop VS Code) instead of
// code-server — for machines that can download VS Code (test-electron fetches it from Microsoft).
// This machine cannot, so `npm test` uses test/scripts/run-integration-tests.mjs; both launchers run
// out/test/integration/suite/index.js against a sandbox started here, with the same environment.
//   node test/scripts/run-integration-electron.mjs        (VSCODE_VERSION=1.100.3 by default)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { extRoot } from './vscode-host.mjs';
import { startSandboxProcess } from './sandbox-process.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-electron-'));
const workspace = path.join(tmp, 'workspace-acme');
fs.cpSync(path.join(extRoot, 'test', 'fixtures', 'workspace-acme'), workspace, { recursive: true });
const userData = path.join(tmp, 'user-data');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ 'langfuseAccess.actingAs': 'engineering-lead@acme.com', 'security.workspace.trust.enabled': false }));
const resultFile = path.join(tmp, 'result.json');
const outputFile = path.join(tmp, 'output.log');
fs.writeFileSync(outputFile, '');
let sandbox, code = 1;
try {
  sandbox = await startSandboxProcess({ dir: tmp });
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: extRoot,
    extensionTestsPath: path.join(extRoot, 'out', 'test', 'integration', 'suite', 'index'),
    launchArgs: [workspace, '--user-data-dir', userData, '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: {
      VSCODE_TEST_RESULT_FILE: resultFile,
      VSCODE_TEST_OUTPUT_FILE: outputFile,
      XDG_STATE_HOME: path.join(tmp, 'state'),
      LANGFUSE_ACCESS_SANDBOX_CREDENTIALS: sandbox.credentialsFile,
    },
  }).then(() => 0, err => { console.error(err?.message ?? err); return 1; });
} finally {
  process.stdout.write(fs.readFileSync(outputFile, 'utf8'));
  await sandbox?.stop();
}
const summary = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')).summary : '0 passed, 1 failed';
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`integration (electron): ${summary}`);
process.exit(code);
