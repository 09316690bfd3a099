// `npm run package`: dist/langfuse-access.vsix. package.json's `files` keeps the npm package (the CLI)
// to dist/ and the docs, while the .vsix also needs media/ and package.nls.json (.vscodeignore says
// what). vsce refuses a project with both a `files` list and a .vscodeignore, so it packs a staged copy
// whose package.json has no `files`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'dist', 'langfuse-access.vsix');
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-vsix-'));
try {
  for (const entry of ['.vscodeignore', 'dist', 'media', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true, filter: src => src !== out });
  }
  const { files: _npmOnly, ...manifest } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out],
    { cwd: stage, stdio: 'inherit' });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
