// The mocha runner both integration passes load in the extension host (extensionTestsPath). In the
// code-server host the extension host's console goes only to the browser, so mocha's reporter writes to
// $VSCODE_TEST_OUTPUT_FILE, which the runner live-tails, and the totals go to $VSCODE_TEST_RESULT_FILE.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha = require('mocha');

const outFile = process.env.VSCODE_TEST_OUTPUT_FILE;

export function log(...args: unknown[]): void {
  const line = util.format(...args);
  if (outFile) fs.appendFileSync(outFile, line + '\n');
}

/** Runs every `*.test.js` of `dir` (the bundled suite folder), in name order. */
export function runSuite(dir: string): Promise<void> {
  (Mocha.reporters.Base as unknown as { consoleLog: (...a: unknown[]) => void }).consoleLog = log;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec', grep: process.env.MOCHA_GREP || undefined });
  for (const f of fs.readdirSync(dir).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const passes = runner.stats?.passes ?? 0;
      const summary = `${passes} passed, ${failures} failed`;
      const out = process.env.VSCODE_TEST_RESULT_FILE;
      if (out) fs.writeFileSync(out, JSON.stringify({ passes, failures, summary }) + '\n');
      if (failures > 0) reject(new Error(summary));
      else resolve();
    });
  });
}
