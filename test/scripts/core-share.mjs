// How much of the product's code lives in src/core: code lines (no blank or comment-only lines) of
// src/core against all of src/ except the sandbox, plus the largest modules (none may exceed 300
// lines). `node test/scripts/core-share.mjs` prints the figures; exits 1 when core is under 80% or a
// module is over 300 lines.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

/** Lines with code: not blank, not inside or made only of a comment (block comments included). */
function codeLines(text) {
  let inBlock = false;
  let n = 0;
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (inBlock) {
      const end = line.indexOf('*/');
      if (end < 0) continue;
      inBlock = false;
      line = line.slice(end + 2).trim();
    }
    while (line.startsWith('/*')) {
      const end = line.indexOf('*/', 2);
      if (end < 0) { inBlock = true; line = ''; break; }
      line = line.slice(end + 2).trim();
    }
    if (line === '' || line.startsWith('//')) continue;
    n++;
  }
  return n;
}

const counts = {};
const big = [];
for (const file of files(src)) {
  const rel = path.relative(src, file);
  const layer = rel.split(path.sep)[0];
  const text = fs.readFileSync(file, 'utf8');
  counts[layer] = (counts[layer] ?? 0) + codeLines(text);
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > 300) big.push(`${rel} (${lines} lines)`);
}
const product = Object.entries(counts).filter(([layer]) => layer !== 'sandbox').reduce((n, [, c]) => n + c, 0);
const share = counts.core / product;
console.log(`code lines: ${Object.entries(counts).map(([l, c]) => `${l} ${c}`).join(', ')}`);
console.log(`src/core share of the non-sandbox code lines: ${(share * 100).toFixed(1)}%  [target ≥ 80%] ${share >= 0.8 ? 'OK' : 'UNDER'}`);
console.log(`modules over 300 lines: ${big.length ? big.join(', ') : 'none'}`);
process.exit(share >= 0.8 && big.length === 0 ? 0 : 1);
