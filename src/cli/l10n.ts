// The CLI speaks the user's language with the extension's bundles (media/l10n, shipped beside dist/ in
// the npm package), read by @vscode/l10n — the same message ids and {0} placeholders as vscode.l10n.t.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscodeL10n from '@vscode/l10n';
import { bundleNames, cliLocale } from '../core/l10n/locale';
import { installTranslator } from '../core/l10n/l10n';

/** Loads the bundle of the user's locale, if there is one; returns its path. English otherwise. */
export function setUpCliL10n(env: Readonly<Record<string, string | undefined>>, bundleDirs = [path.join(__dirname, '..', 'media', 'l10n'), path.join(__dirname, '..', '..', 'media', 'l10n')]): string | undefined {
  const locale = cliLocale(env);
  // dist/cli.js in the package; src/cli/ when run from the sources.
  const file = locale && bundleDirs.flatMap(dir => bundleNames(locale).map(name => path.join(dir, name))).find(f => fs.existsSync(f));
  if (!file) return undefined;
  vscodeL10n.config({ fsPath: file });
  installTranslator((message, ...args) => vscodeL10n.t(message, ...args));
  return file;
}
