import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_DIR_NAME, STATE_DIR_NAME } from '../names';

export interface EnvLike { [name: string]: string | undefined }

/** `$XDG_STATE_HOME/langfuse-access` (default `~/.local/state/langfuse-access`). */
export function stateDirPath(env: EnvLike = process.env, home = os.homedir()): string {
  const base = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME)
    ? env.XDG_STATE_HOME
    : path.join(home, '.local', 'state');
  return path.join(base, STATE_DIR_NAME);
}

/** `$XDG_CONFIG_HOME/langfuse-access` (default `~/.config/langfuse-access`): the CLI's connections.yaml. */
export function configDirPath(env: EnvLike = process.env, home = os.homedir()): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME)
    ? env.XDG_CONFIG_HOME
    : path.join(home, '.config');
  return path.join(base, CONFIG_DIR_NAME);
}

/** Creates the folder (0700) if needed and tightens its mode if someone loosened it. */
export function ensurePrivateDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = fs.statSync(dir).mode & 0o777;
  if (mode !== 0o700) fs.chmodSync(dir, 0o700);
  return dir;
}

/** The state folder, created on first use. */
export function ensureStateDir(env: EnvLike = process.env): string {
  return ensurePrivateDir(stateDirPath(env));
}
