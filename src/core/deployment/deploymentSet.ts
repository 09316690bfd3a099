// Which of the files given to one check belong together. `compliance docker-compose.yml .env` names one
// deployment, not two: the `.env` is what Compose interpolates the compose file with, so it is checked
// through the compose file (its values land where `${VAR}` uses them) and never as a Langfuse server
// .env of its own (which would report every variable it does not set as missing).
import * as path from 'node:path';
import { parseEnv } from '../env/envParser';
import { interpolatedVariables } from './composeEnv';
import type { FileReader } from './fileReader';
import { detectDeploymentKind, readDeploymentFile } from './readDeploymentFile';

export interface DeploymentUnit {
  file: string;
  text: string;
  /** Compose: the given env files Compose would get as `--env-file` (undefined: the project's `.env`). */
  envFiles?: string[];
}

export interface DeploymentSet {
  /** What is checked: compose files (with their env files), Helm values, standalone server .env files. */
  units: DeploymentUnit[];
  /** Given env files that belong to a compose file of the call (its `.env`, an `--env-file` or an `env_file:`) → that compose file. */
  partOf: Map<string, string>;
  unreadable: string[];
}

/**
 * Groups the given files the way `docker compose` would read them. An env file belongs to a compose
 * file of the same call when a service loads it (`env_file:`), when it is the project's `.env` beside
 * the compose file, or when the compose file interpolates a variable it defines (then it is what
 * `--env-file` would be given, and it replaces the project's `.env`, as in Compose). Any other env file
 * is a Langfuse server .env checked on its own.
 */
export function groupDeploymentFiles(files: readonly string[], read: FileReader): DeploymentSet {
  const set: DeploymentSet = { units: [], partOf: new Map(), unreadable: [] };
  const given: { file: string; text: string; kind: ReturnType<typeof detectDeploymentKind> }[] = [];
  for (const file of new Set(files)) {
    const text = read(file);
    if (text === undefined) set.unreadable.push(file);
    else given.push({ file, text, kind: detectDeploymentKind(file, text) });
  }
  const composes = given.filter(g => g.kind === 'compose').map(g => ({
    ...g, envFiles: readDeploymentFile(g.file, g.text, read).envFiles ?? [], variables: interpolatedVariables(g.text), interpolation: [] as string[],
  }));
  for (const g of given) {
    if (g.kind !== 'env') continue;
    const loader = composes.find(c => c.envFiles.includes(g.file));
    if (loader) { set.partOf.set(g.file, loader.file); continue; }
    const defines = new Set(parseEnv(g.text).entries.map(e => e.key));
    const owners = composes.filter(c => (path.basename(g.file) === '.env' && path.dirname(g.file) === path.dirname(c.file))
      || [...c.variables].some(v => defines.has(v)));
    for (const c of owners) c.interpolation.push(g.file);
    if (owners.length) set.partOf.set(g.file, owners[0].file);
  }
  for (const g of given) {
    if (set.partOf.has(g.file)) continue;
    const compose = composes.find(c => c.file === g.file);
    set.units.push(compose?.interpolation.length ? { file: g.file, text: g.text, envFiles: compose.interpolation } : { file: g.file, text: g.text });
  }
  return set;
}
