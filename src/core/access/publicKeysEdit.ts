// The `publicKeys` list of one environment in the workspace access file, read and edited in place.
// The yaml Document API finds the list entry; the edit then splices only that entry's own source
// text. Re-rendering the document (doc.toString()) would re-pad flow lists, re-fold long lines and
// move comments: a splice keeps every other byte, so a rotation and its rollback leave the file
// exactly as it was apart from the one key.
import { isMap, isScalar, isSeq, parseDocument, type Node } from '../yaml';

/** The access file cannot be edited as asked; the message says why, never with a secret (public keys only). */
export class PublicKeysEditError extends Error {
  override readonly name = 'PublicKeysEditError';
  constructor(message: string, readonly reason: 'yaml' | 'no-environment' | 'no-list' | 'not-listed' | 'unusual-entry') {
    super(message);
  }
}

const PUBLIC_KEY = /^pk-lf-[A-Za-z0-9_-]{1,200}$/;

interface Located { keys: string[]; entries: { key: string; range: [number, number] }[] }

function locate(text: string, environment: string): Located {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new PublicKeysEditError(`the access file has YAML errors (${doc.errors[0].message.split('\n')[0]}); fix them first`, 'yaml');
  const envs = isMap(doc.contents) ? doc.contents.get('environments', true) : undefined;
  const env = isMap(envs) ? envs.get(environment, true) : undefined;
  if (!isMap(env)) throw new PublicKeysEditError(`the access file has no environment "${environment}"`, 'no-environment');
  const list = env.get('publicKeys', true);
  if (!isSeq(list)) throw new PublicKeysEditError(`environment "${environment}" of the access file has no publicKeys list`, 'no-list');
  const entries: Located['entries'] = [];
  for (const item of list.items as Node[]) {
    if (isScalar(item) && typeof item.value === 'string' && item.range) entries.push({ key: item.value, range: [item.range[0], item.range[1]] });
  }
  return { keys: entries.map(e => e.key), entries };
}

/** The public keys environment `environment` lists (throws PublicKeysEditError when it has no such list). */
export function listedPublicKeys(text: string, environment: string): string[] {
  return locate(text, environment).keys;
}

/** `text` with `from` replaced by `to` in the environment's publicKeys list; every other byte unchanged. */
export function replacePublicKey(text: string, environment: string, from: string, to: string): string {
  if (!PUBLIC_KEY.test(from) || !PUBLIC_KEY.test(to)) throw new PublicKeysEditError('only Langfuse public keys (pk-lf-…) are written into the access file', 'unusual-entry');
  const { keys, entries } = locate(text, environment);
  const hits = entries.filter(e => e.key === from);
  if (hits.length === 0) throw new PublicKeysEditError(`environment "${environment}" does not list ${from}`, 'not-listed');
  let out = text;
  // From the end, so earlier offsets stay valid.
  for (const { range: [start, end] } of [...hits].reverse()) {
    const source = text.slice(start, end);
    // A plain or quoted scalar holds the key verbatim (its characters need no escaping); anything else
    // (a block scalar, an escape sequence) is left for a person rather than guessed at.
    if (source.split(from).length !== 2) throw new PublicKeysEditError(`the entry for ${from} in environment "${environment}" is written in an unusual form; replace it by hand`, 'unusual-entry');
    out = out.slice(0, start) + source.replace(from, to) + out.slice(end);
  }
  const after = locate(out, environment).keys;
  if (after.join('\n') !== keys.map(k => (k === from ? to : k)).join('\n')) {
    throw new PublicKeysEditError(`replacing ${from} in environment "${environment}" would change more than that entry; replace it by hand`, 'unusual-entry');
  }
  return out;
}
