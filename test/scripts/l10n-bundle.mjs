// `npm run l10n`: media/l10n/bundle.l10n.json, every string of src/ passed to `vscode.l10n.t` (the
// extension) or to core's `l10n.t` (src/core/l10n/l10n.ts, which the edges route to vscode.l10n.t or
// @vscode/l10n), extracted by @vscode/l10n-dev. Its analyser recognises `l10n` imported from 'vscode'
// or '@vscode/l10n' only, so core's import is presented to it as the latter (same call shape).
// `--check` exits 1 when the committed bundle differs (test/unit/l10n/bundle.test.ts uses bundleFromSources).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getL10nJson } from '@vscode/l10n-dev';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUNDLE = path.join(root, 'media', 'l10n', 'bundle.l10n.json');

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

export async function bundleFromSources() {
  const scripts = files(path.join(root, 'src')).filter(f => !f.includes(`${path.sep}sandbox${path.sep}`)).map(f => ({
    extension: '.ts',
    contents: fs.readFileSync(f, 'utf8').replace(/from '(?:\.\.?\/)+(?:core\/)?l10n\/l10n'/g, "from '@vscode/l10n'"),
  }));
  const bundle = await getL10nJson(scripts);
  return Object.fromEntries(Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = `${JSON.stringify(await bundleFromSources(), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (fs.readFileSync(BUNDLE, 'utf8') !== text) { console.error('l10n-bundle: media/l10n/bundle.l10n.json is out of date: run npm run l10n'); process.exit(1); }
    console.log(`l10n-bundle: ${Object.keys(JSON.parse(text)).length} strings, media/l10n/bundle.l10n.json is current`);
  } else {
    fs.writeFileSync(BUNDLE, text);
    console.log(`${Object.keys(JSON.parse(text)).length} strings in ${path.relative(root, BUNDLE)}`);
  }
}
