// The pseudo locale for core tests: the real bundle (media/l10n, as `npm run l10n` wrote it) turned into
// qps-ploc in a temp folder and installed like the CLI installs a user's language. Every translated
// message comes out in brackets with accented letters, so plain ASCII words left on screen are data or
// a string nobody wrapped.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setUpCliL10n } from '../../../src/cli/l10n';
import { installTranslator } from '../../../src/core/l10n/l10n';

export const ROOT = path.resolve(__dirname, '../../..');

export interface PseudoLocale { dir: string; pseudo(message: string): string; close(): void }

export async function usePseudoLocale(): Promise<PseudoLocale> {
  const helper = await import(path.join(ROOT, 'test', 'scripts', 'pseudo-l10n.mjs')) as { writePseudoBundles(root: string): string; pseudo(m: string): string };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-core-'));
  fs.mkdirSync(path.join(dir, 'media', 'l10n'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'media', 'l10n', 'bundle.l10n.json'), path.join(dir, 'media', 'l10n', 'bundle.l10n.json'));
  fs.copyFileSync(path.join(ROOT, 'package.nls.json'), path.join(dir, 'package.nls.json'));
  helper.writePseudoBundles(dir);
  assert.ok(setUpCliL10n({ LANGFUSE_ACCESS_LOCALE: 'qps-ploc' }, [path.join(dir, 'media', 'l10n')]));
  return {
    dir,
    pseudo: helper.pseudo,
    close: () => { installTranslator(undefined); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** A whole translated message: the pseudo locale's brackets around all of it. */
export function isTranslated(text: string): boolean {
  return text.startsWith('[') && text.endsWith(']');
}

/**
 * Runs of two or more plain ASCII words: English that did not go through the bundle (pseudo-localised
 * words are accented). Code spans and the given data (names and values from servers or files) are
 * taken out first.
 */
export function untranslatedEnglish(text: string, data: readonly string[] = []): string[] {
  let rest = text.replace(/`[^`]*`/g, ' ');
  for (const d of data) rest = rest.split(d).join(' ');
  return rest.match(/\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+)+\b/g) ?? [];
}

/**
 * Asserts `text` is one whole translated message with no plain English left once `data` (names and
 * values from servers, files or code) is taken out, longest first so no datum is cut by a shorter one.
 */
export function assertTranslatedWhole(text: string | undefined, data: readonly string[] = [], what = 'the message'): void {
  assert.ok(text !== undefined, `${what} was expected`);
  assert.ok(isTranslated(text), `${what} is not one translated message: ${text}`);
  const longestFirst = [...data].filter(Boolean).sort((a, b) => b.length - a.length);
  assert.deepEqual(untranslatedEnglish(text, longestFirst), [], `${what} has English left: ${text}`);
}
