// "Ignore this finding" on disk: read the access file, add the entry, write it back atomically —
// under the access file's lock (accessFileLock.ts), so two windows and the CLI recording at once never
// lose an entry. The access file is read and written without following links, and only inside its
// scope (by default the folder holding `.langfuse/`): see core/fs/scopedWrite.ts.
import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { readFileNoFollow, writeFileInScope, type WriteScope } from '../fs/scopedWrite';
import { withAccessFileLock } from './accessFileLock';
import type { AccessIgnoreEntry } from './accessSchema';
import { addIgnoreEntry } from './ignoreWriter';

export async function recordIgnoreEntry(accessFile: string, entry: AccessIgnoreEntry, options: { stateDir: string; tool: string; waitMs?: number; scope?: WriteScope }): Promise<void> {
  const target = path.resolve(accessFile);
  const root = path.dirname(path.dirname(target));
  const scope = options.scope ?? { roots: [root], label: l10n.t('the repository folder {0}', root) };
  await withAccessFileLock(target, { ...options, purpose: `recording an ignored finding in ${target}` }, () => {
    // Re-read under the lock: the file as it is now, with every entry written before us.
    const text = readFileNoFollow(target);
    if (text === undefined) throw Object.assign(new Error(`${target} does not exist`), { code: 'ENOENT' });
    writeFileInScope(target, addIgnoreEntry(text, entry), scope);
  });
}
