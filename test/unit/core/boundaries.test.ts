// The layer boundaries are enforced by the lint: each rule is proved by linting a file that breaks it
// (lint must fail on exactly that import) next to one that keeps it (lint passes).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.join(__dirname, '..', '..', '..');

const cases: { file: string; imports: string; breaks: boolean; why: string }[] = [
  { file: 'src/core/session/probe.ts', imports: '../../extension/lazy', breaks: true, why: 'core never imports the extension' },
  { file: 'src/core/session/probe.ts', imports: '../../cli/command', breaks: true, why: 'core never imports the CLI' },
  { file: 'src/core/session/probe.ts', imports: '../../sandbox/index', breaks: true, why: 'core never imports the sandbox' },
  { file: 'src/core/session/probe.ts', imports: 'vscode', breaks: true, why: 'core never imports vscode' },
  { file: 'src/cli/commands/probe.ts', imports: '../../extension/session/extensionPort', breaks: true, why: 'the CLI never imports the extension' },
  { file: 'src/extension/actions/probe.ts', imports: '../../cli/session/cliPort', breaks: true, why: 'the extension never imports the CLI' },
  { file: 'src/sandbox/routes/probe.ts', imports: '../../extension/lazy', breaks: true, why: 'the sandbox never imports the extension' },
  { file: 'src/sandbox/routes/probe.ts', imports: '../../cli/command', breaks: true, why: 'the sandbox never imports the CLI' },
  { file: 'src/core/session/probe.ts', imports: '../guards/accessGuards', breaks: false, why: 'core imports core' },
  { file: 'src/cli/commands/probe.ts', imports: '../../core/session/index', breaks: false, why: 'the CLI imports core' },
  { file: 'src/extension/actions/probe.ts', imports: '../../core/session/index', breaks: false, why: 'the extension imports core' },
  { file: 'src/sandbox/routes/probe.ts', imports: '../../core/zod', breaks: false, why: 'the sandbox imports core' },
];

describe('layer boundaries (eslint no-restricted-imports)', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: ROOT });

  for (const c of cases) {
    it(`${c.breaks ? 'fails' : 'passes'}: ${c.why} (${c.file} imports ${c.imports})`, async () => {
      const [result] = await eslint.lintText(`import * as probe from '${c.imports}';\nexport const used = probe;\n`, { filePath: path.join(ROOT, c.file) });
      const boundary = result.messages.filter(m => m.ruleId === 'no-restricted-imports');
      if (c.breaks) {
        assert.equal(boundary.length, 1, `expected one boundary error, got ${JSON.stringify(result.messages)}`);
        assert.equal(boundary[0].severity, 2);
      } else {
        assert.deepEqual(result.messages.map(m => m.message), []);
      }
    });
  }
});
