// Pseudo-localisation (issue 20 item 6): a language generated from the real bundles, never written by
// hand, that makes every translated word recognisable. Each message is put in brackets and its ASCII
// letters become accented look-alikes ("Members" → "[Ḿḗḿƀḗřş]"), except {0} placeholders, $(icon)
// references and Markdown link targets. So a word on screen in plain ASCII did not go through the
// bundle: it is data (a name, an email, a key) or a string someone forgot to wrap.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const PSEUDO_LOCALE = 'qps-ploc';

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ';
const ACCENT = new Map([...PLAIN].map((c, i) => [c, [...ACCENTED][i]]));

// Kept as written: {0}, $(icon), ](target) of Markdown links, `code`, and command:/https: links.
const KEEP = /(\{\d+\}|\$\([a-z0-9~-]+\)|\]\([^)]*\)|`[^`]*`|\b(?:command|https?):[^\s)]+)/;

/** The accented look-alike of plain text (what a UI search for a pseudo-localised label types). */
export function accent(text) {
  return [...text].map(c => ACCENT.get(c) ?? c).join('');
}

export function pseudo(message) {
  const leadingIcon = /^(\$\([a-z0-9~-]+\)\s*)/.exec(message)?.[1] ?? '';
  const body = message.slice(leadingIcon.length).split(KEEP).map((part, i) => i % 2 ? part : accent(part)).join('');
  return `${leadingIcon}[${body}]`;
}

/** { message: translation } of a bundle (or { key: text } of package.nls.json), pseudo-localised. */
export function pseudoBundle(english) {
  return Object.fromEntries(Object.entries(english).map(([key, text]) => [key, pseudo(text)]));
}

/** Writes bundle.l10n.qps-ploc.json beside media/l10n/bundle.l10n.json of `root`, and package.nls.qps-ploc.json. */
export function writePseudoBundles(root) {
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'media', 'l10n', 'bundle.l10n.json'), 'utf8'));
  // The l10n bundle maps each English message to its translation: the key is the message.
  const l10nFile = path.join(root, 'media', 'l10n', `bundle.l10n.${PSEUDO_LOCALE}.json`);
  fs.writeFileSync(l10nFile, JSON.stringify(Object.fromEntries(Object.keys(bundle).map(k => [k, pseudo(k)])), null, 1));
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  fs.writeFileSync(path.join(root, `package.nls.${PSEUDO_LOCALE}.json`), JSON.stringify(pseudoBundle(nls), null, 1));
  return l10nFile;
}

/** A copy of the built extension (what the .vsix ships) in `dir`, speaking the pseudo language. */
export function pseudoLocalisedExtension(dir) {
  for (const part of ['package.json', 'package.nls.json', 'dist', 'media']) {
    fs.cpSync(path.join(extRoot, part), path.join(dir, part), { recursive: true, filter: src => !src.endsWith('.map') });
  }
  writePseudoBundles(dir);
  return dir;
}
