// Where a deployment fix writes: the checked file, and for some fixes a .env file the compose file
// names (`env_file: ../../home/you/.bashrc` is the workspace's choice, not the user's). A fix is applied
// only when every file it touches is a regular file (or a new one) inside the workspace; a symbolic link
// or a path leading out of it is refused before any edit is made.
import { checkWriteTarget, type WriteScope } from '../fs/scopedWrite';
import type { DeploymentFix, TextEdit } from './types';

/** The files a fix would change, known before it is resolved. */
export function filesTouchedBy(fix: DeploymentFix): string[] {
  switch (fix.kind) {
    case 'generateSecret':
    case 'replaceText':
      return [fix.file];
    case 'insertVariable':
      return [fix.at.file];
    case 'insertGeneratedSecret':
      return fix.envFile ? [fix.at.file, fix.envFile] : [fix.at.file];
    case 'moveToEnvFile':
      return [fix.file, fix.envFile];
  }
}

/** Throws UnsafeWriteError unless every file the edits change (or create) may be written in `scope`. */
export function assertEditsInScope(edits: readonly Pick<TextEdit, 'file'>[], scope: WriteScope): void {
  for (const file of new Set(edits.map(e => e.file))) checkWriteTarget(file, scope);
}
