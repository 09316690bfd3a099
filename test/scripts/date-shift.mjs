// The date-shift check of `npm test`: the date-sensitive tests again with the clock moved 400 days
// ahead and 30 days back. Closing line "date shift: N passed, N failed".
//
// How the clock moves: test/support/shiftedClock.cjs, preloaded with NODE_OPTIONS into every Node
// process of the run — mocha, the CLI children, the sandbox, code-server and the extension host, where
// the shipped extension runs on systemClock (it takes no clock override, so nobody can backdate an
// audit entry). libfaketime is not used: VS Code strips LD_PRELOAD from the extension host (see the
// shim). Starting only the sandbox elsewhere (`--now`) would not do either: the extension would see
// keys from the future instead of running on another date. Timers, timeouts and file times stay real,
// so tests that compare a fresh file's mtime with now (the journal sweep) are not date-sensitive tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHIFTS = [400, -30];
const SHIM = path.join(root, 'test', 'support', 'shiftedClock.cjs');

/** Unit suites whose outcome depends on the calendar: key ages, world dates, audit ranges, certificates. */
const UNIT = [
  'keys/keyHealth', 'rules/projectRules', 'rules/lintWorkspace', 'org/organizationModel', 'cli-lint/lint',
  'sandbox/sandbox', 'sandbox/contract', 'sandbox/cli', 'langfuse/client.faults', 'langfuse/client.resources',
  'audit/reader-export', 'audit/forward-syslog', 'audit/forward-siem', 'cli-audit/audit',
].map(f => `test/unit/${f}.test.ts`);

function run(label, args, env, parse) {
  return new Promise(resolve => {
    console.log(`\n--- ${label} ---`);
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', d => { out += d; process.stdout.write(d); });
    child.on('close', code => {
      const counts = parse(out);
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      resolve(counts);
    });
  });
}

const mocha = out => ({ passed: Number(/(\d+) passing/.exec(out)?.[1] ?? 0), failed: Number(/(\d+) failing/.exec(out)?.[1] ?? 0) });
const integration = out => {
  const m = /^integration: (\d+) passed, (\d+) failed/m.exec(out);
  return { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 1) };
};

const total = { passed: 0, failed: 0 };
for (const days of SHIFTS) {
  const shift = `${days > 0 ? '+' : ''}${days} days`;
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${SHIM}"`.trim(), LANGFUSE_ACCESS_TEST_CLOCK_SHIFT_DAYS: String(days) };
  // The clock really moved (else every run below would pass on today's date).
  const probe = await run(`clock ${shift}`, ['-e', `const d = Math.round((Date.now() - ${Date.now()}) / 864e5); console.log(d === ${days} ? 'clock moved ${days} days' : 'clock moved ' + d + ' days, not ${days}')`], env,
    out => (new RegExp(`^clock moved ${days} days$`, 'm').test(out) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 }));
  const unit = await run(`unit, clock ${shift}`, [path.join(root, 'node_modules/mocha/bin/mocha.js'), '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '30000', '--reporter', 'dot', '--exit', ...UNIT], env, mocha);
  // The whole integration layer: its tests build on each other (the export needs the earlier entries).
  const it = await run(`integration, clock ${shift}`, ['test/scripts/run-integration-tests.mjs'], env, integration);
  for (const r of [probe, unit, it]) { total.passed += r.passed; total.failed += r.failed; }
}
console.log(`date shift: ${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed ? 1 : 0);
