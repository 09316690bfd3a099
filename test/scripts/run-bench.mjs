// `npm run bench`: builds, then runs every test/bench/*.bench.ts (or those matching the arguments)
// and prints their figures. Not part of `npm test`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const filters = process.argv.slice(2);
execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: root, stdio: 'inherit' });
const benches = fs.readdirSync(path.join(root, 'test', 'bench')).filter(f => f.endsWith('.bench.ts') || f.endsWith('.bench.mjs'))
  .filter(f => !filters.length || filters.some(x => f.includes(x))).sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n### ${file}`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('test', 'bench', file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`### ${file} exited with ${r.status}`); }
}
console.log(`\n${benches.length - failed} benchmarks ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
