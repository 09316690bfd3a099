// `npm run package`: dist/langfuse-access.vsix. package.json's `files` keeps the npm package (the CLI)
// to dist/ and the docs, while the .vsix also needs media/ and package.nls.json (.vscodeignore says
// what, and keeps dist/cli.js out: the extension never loads it). vsce refuses a project with both a
// `files` list and a .vscodeignore, so it packs a staged copy whose package.json has no `files`.
// README links and images are made absolute against the repository (the Marketplace page has no
// files to resolve relative ones against). test/unit/package/vsix.test.ts runs `vsce ls` on the same stage.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VSCE = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Where README links and images point on the Marketplace: the repository's files on its main branch. */
export function readmeBaseUrls() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repo = String(manifest.repository?.url ?? '').replace(/\.git$/, '');
  if (!/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(repo)) throw new Error(`package.json repository.url must be a GitHub https URL, got "${repo}"`);
  return { content: `${repo}/blob/main/`, images: `${repo}/raw/main/` };
}

/** A temporary copy of what the .vsix is made from; the caller removes it. */
export function stageVsix(exclude = []) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-vsix-'));
  for (const entry of ['.vscodeignore', 'dist', 'media', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true, filter: src => !exclude.includes(src) });
  }
  const { files: _npmOnly, ...manifest } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return stage;
}

/** Runs vsce in a staged copy (`package` gets the README base URLs; `ls` takes none). */
export function vsce(stage, args, options = {}) {
  const base = readmeBaseUrls();
  const urls = args[0] === 'package' ? ['--baseContentUrl', base.content, '--baseImagesUrl', base.images] : [];
  return execFileSync(process.execPath, [VSCE, ...args, '--no-dependencies', ...urls], { cwd: stage, ...options });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = path.join(root, 'dist', 'langfuse-access.vsix');
  const stage = stageVsix([out]);
  try {
    vsce(stage, ['package', '--out', out], { stdio: 'inherit' });
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
