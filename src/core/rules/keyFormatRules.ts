// Malformed lines and values that make an SDK read a wrong key (docs/langfuse-behaviour.md §3, §11). Messages never
// repeat a secret value: they name the variable and the line.
import type { EnvDocument, EnvEntry } from '../env/envParser';
import type { LangfuseVariable } from '../env/langfuseVariables';
import { langfuseVariable } from '../env/langfuseVariables';
import { isDisplaySecretKey, isPlaceholderValue } from '../env/placeholders';
import { textRange } from '../env/position';
import type { Finding } from './finding';
import { finding } from './finding';
import { l10n } from '../l10n/l10n';

export interface KeyEntry {
  entry: EnvEntry;
  variable: LangfuseVariable;
}

/** Langfuse key/URL assignments of a document, in file order. */
export function langfuseEntries(doc: EnvDocument): KeyEntry[] {
  const out: KeyEntry[] = [];
  for (const entry of doc.entries) {
    const variable = langfuseVariable(entry.key);
    if (variable) out.push({ entry, variable });
  }
  return out;
}

export function syntaxFindings(file: string, doc: EnvDocument): Finding[] {
  const out: Finding[] = [];
  for (const p of doc.problems) {
    if (p.code === 'unbalanced-quote') {
      out.push(finding(file, 'unbalanced-quote', p.range, l10n.t('This quote is never closed, so loaders read the quote character as part of the value (or swallow the following lines). Add the closing quote.')));
    } else if (/LANGFUSE_/.test(p.lineText)) {
      out.push(finding(file, 'not-an-assignment', p.range, l10n.t('This line is not a NAME=value assignment, so SDKs ignore it. Write it as NAME=value (no spaces around the name, "=" between).')));
    }
  }
  return out;
}

/** Earlier definitions of a Langfuse variable that a later one overrides. */
export function duplicateFindings(file: string, keys: KeyEntry[]): Finding[] {
  const last = new Map<string, EnvEntry>();
  for (const k of keys) last.set(k.entry.key, k.entry);
  const out: Finding[] = [];
  for (const k of keys) {
    const winner = last.get(k.entry.key);
    if (winner && winner !== k.entry) {
      out.push(finding(file, 'duplicate-variable', k.entry.keyRange, l10n.t('{0} is defined again on line {1}, and the last definition wins. Delete the one you do not mean.', k.entry.key, winner.keyRange.start.line + 1)));
    }
  }
  return out;
}

function isKeyKind(v: LangfuseVariable): boolean {
  return v.kind === 'publicKey' || v.kind === 'secretKey';
}

/** Per-value checks of key variables. Placeholders are skipped, except the masked display secret. */
export function keyValueFindings(file: string, keys: KeyEntry[]): Finding[] {
  const out: Finding[] = [];
  const byKind = (kind: 'publicKey' | 'secretKey', prefix: string): EnvEntry | undefined =>
    keys.filter(k => k.variable.kind === kind && k.variable.prefix === prefix).map(k => k.entry).pop();

  for (const { entry, variable } of keys) {
    if (!isKeyKind(variable)) continue;
    const value = entry.value;
    const isSecretVar = variable.kind === 'secretKey';
    if (isSecretVar && isDisplaySecretKey(value.trim())) {
      out.push(finding(file, 'display-secret-key', entry.valueRange, l10n.t('{0} holds the masked display form (sk-lf-...abcd) that Langfuse shows after creation, not the secret. Paste the full secret key, or create a new key pair if it is lost.', entry.key)));
      continue;
    }
    if (isPlaceholderValue(value)) continue;

    if (value.includes('\n')) {
      out.push(finding(file, 'key-multiline', entry.quotedRange, l10n.t('{0} spans several lines, so the SDK sends a key with line breaks in it. Close the quote on the same line as the key.', entry.key)));
      continue;
    }
    const trimmed = value.trim();
    if (trimmed !== value || /\s/.test(trimmed)) {
      out.push(finding(file, 'key-whitespace', entry.valueRange, /\s/.test(trimmed) ? l10n.t('{0} has blanks inside its value inside the quotes, and loaders keep them: authentication fails. Remove the blanks.', entry.key)
        : l10n.t('{0} has blanks around its value inside the quotes, and loaders keep them: authentication fails. Remove the blanks.', entry.key), {
        fixes: /\s/.test(trimmed) ? [] : [{ kind: 'trimValue', title: l10n.t('Remove the blanks around the key'), range: entry.valueRange }],
      }));
    } else if (entry.trailingWhitespace > 0) {
      const end = entry.valueRange.end;
      const blanks = textRange(end.line, end.character, end.line, end.character + entry.trailingWhitespace);
      out.push(finding(file, 'key-whitespace', blanks, l10n.t('{0} is followed by blanks. dotenv trims them, but Docker\'s --env-file and some loaders keep them and send a wrong key. Remove them.', entry.key), {
        severity: 'warning',
        fixes: [{ kind: 'replaceText', title: l10n.t('Remove the trailing blanks'), range: blanks, newText: '' }],
      }));
    }

    const other = byKind(isSecretVar ? 'publicKey' : 'secretKey', variable.prefix);
    const wrongPrefix = isSecretVar ? 'pk-lf-' : 'sk-lf-';
    const rightPrefix = isSecretVar ? 'sk-lf-' : 'pk-lf-';
    if (trimmed.startsWith(wrongPrefix)) {
      // Both variables holding each other's key: offer to swap them back.
      const swapWith = other && other.value.trim().startsWith(rightPrefix) ? other : undefined;
      out.push(finding(file, 'swapped-keys', entry.valueRange, isSecretVar
        ? l10n.t('{0} holds a public key (pk-lf-…). Put the secret key (sk-lf-…) here.', entry.key)
        : l10n.t('{0} holds a secret key (sk-lf-…): it would be sent where a public key is expected, and public-key variables often reach browsers. Put the public key (pk-lf-…) here and rotate the exposed secret.', entry.key), {
        fixes: swapWith ? [{ kind: 'swapValues', title: l10n.t('Swap the public and secret key'), first: entry.valueRange, second: swapWith.valueRange }] : [],
      }));
    } else if (!trimmed.startsWith(rightPrefix)) {
      out.push(finding(file, 'key-format', entry.valueRange, isSecretVar ? l10n.t('{0} does not start with "{1}", so it is not a Langfuse secret key. Copy the key again from Langfuse (Project settings → API keys).', entry.key, rightPrefix)
        : l10n.t('{0} does not start with "{1}", so it is not a Langfuse public key. Copy the key again from Langfuse (Project settings → API keys).', entry.key, rightPrefix)));
    }
    if (trimmed.includes(':')) {
      out.push(finding(file, 'key-contains-colon', entry.valueRange, l10n.t('{0} contains ":", which splits HTTP Basic credentials in the wrong place, so authentication fails. Copy the key again; Langfuse keys never contain ":".', entry.key)));
    }
  }
  return out;
}
