import * as path from 'node:path';
import { l10n } from '../l10n/l10n';
import { SinkConfigError, SinkError, SinkIoError, SinkNotFoundError, SinkPermissionError } from './errors';

/** Maps a filesystem error while touching `file` to a sink error with a next step. */
export function fsSinkError(target: string, file: string, err: unknown, doing: 'read' | 'write'): SinkError {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'unknown';
  const dir = path.dirname(file);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return doing === 'read'
        ? new SinkPermissionError(target, l10n.t('cannot read {0} (permission denied)', file), l10n.t('Give your user read access to {0}', file), code)
        : new SinkPermissionError(target, l10n.t('cannot write {0}: the folder {1} or the file is not writable (the update creates a temporary file next to it and renames it over the old one)', file, dir), l10n.t('Make {0} writable for your user, or choose another target', dir), code);
    case 'EROFS':
      return new SinkPermissionError(target, l10n.t('{0} is on a read-only filesystem', dir), l10n.t('Choose a target on a writable filesystem'), code);
    case 'ENOENT':
    case 'ENOTDIR':
      return new SinkNotFoundError(target, l10n.t('the folder {0} does not exist', dir), l10n.t('Create {0} first, or fix the path', dir), code);
    case 'EISDIR':
      return new SinkConfigError(target, l10n.t('{0} is a folder, not a .env file', file), l10n.t('Point the target at a file, e.g. {0}', 'env:./.env'), code);
    case 'ELOOP':
      return new SinkConfigError(target, l10n.t('{0} is a symbolic link loop', file), l10n.t('Fix the symbolic link'), code);
    default:
      return doing === 'read'
        ? new SinkIoError(target, l10n.t('could not read {0} ({1})', file, code), l10n.t('Check the disk (space, health) and try again'), code)
        : new SinkIoError(target, l10n.t('could not write {0} ({1})', file, code), l10n.t('Check the disk (space, health) and try again'), code);
  }
}
