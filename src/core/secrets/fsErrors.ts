import * as path from 'node:path';
import { SinkConfigError, SinkError, SinkIoError, SinkNotFoundError, SinkPermissionError } from './errors';

/** Maps a filesystem error while touching `file` to a sink error with a next step. */
export function fsSinkError(target: string, file: string, err: unknown, doing: 'read' | 'write'): SinkError {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'unknown';
  const dir = path.dirname(file);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return doing === 'read'
        ? new SinkPermissionError(target, `cannot read ${file} (permission denied)`, `Give your user read access to ${file}`, code)
        : new SinkPermissionError(target, `cannot write ${file}: the folder ${dir} or the file is not writable (the update creates a temporary file next to it and renames it over the old one)`, `Make ${dir} writable for your user, or choose another target`, code);
    case 'EROFS':
      return new SinkPermissionError(target, `${dir} is on a read-only filesystem`, 'Choose a target on a writable filesystem', code);
    case 'ENOENT':
    case 'ENOTDIR':
      return new SinkNotFoundError(target, `the folder ${dir} does not exist`, `Create ${dir} first, or fix the path`, code);
    case 'EISDIR':
      return new SinkConfigError(target, `${file} is a folder, not a .env file`, 'Point the target at a file, e.g. env:./.env', code);
    case 'ELOOP':
      return new SinkConfigError(target, `${file} is a symbolic link loop`, 'Fix the symbolic link', code);
    default:
      return new SinkIoError(target, `could not ${doing} ${file} (${code})`, 'Check the disk (space, health) and try again', code);
  }
}
