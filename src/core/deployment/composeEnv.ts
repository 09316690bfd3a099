// The variables Docker Compose interpolates a compose file with, and what its env files set, read the
// way Compose reads them (https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/):
// the project's `.env` next to the compose file unless `--env-file` files are named (later files win);
// `${VAR}` inside unquoted and double-quoted values of those files and of `env_file:` files is expanded
// from the lines before it and the project's variables; single-quoted values stay literal. The shell
// of whoever runs `docker compose` is not known here: what none of the files defines stays unresolved
// (set at deploy time), never "missing".
import * as path from 'node:path';
import type { EnvEntry } from '../env/envParser';
import { parseEnv } from '../env/envParser';
import type { FileReader } from './fileReader';
import { hasInterpolation, interpolate } from './interpolate';
import type { Setting } from './types';

/** The interpolation environment of one compose project. */
export interface ProjectEnv {
  /** The env files read, in order (the default `.env` even when it does not exist). */
  files: string[];
  /** Resolved values; a variable whose own value needs the shell is absent. */
  vars: Map<string, string>;
  /** Where each variable is written (the last file defining it). */
  entries: Map<string, Setting>;
}

/** The project's `.env` (Compose's default) beside the compose file. */
export function defaultProjectEnvFile(composeFile: string): string {
  return path.join(path.dirname(composeFile), '.env');
}

/** One env file's entries as settings, `${VAR}` expanded from `base` and the lines before; `vars` receives the resolved values. */
export function envFileSettings(file: string, entries: readonly EnvEntry[], origin: string, base: ReadonlyMap<string, string>, vars: Map<string, string> = new Map()): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  const lookup = new Map(base);
  for (const e of entries) {
    const setting = entrySetting(file, e, origin, lookup);
    settings.set(e.key, setting);
    if (setting.value !== undefined) {
      lookup.set(e.key, setting.value);
      vars.set(e.key, setting.value);
    } else {
      lookup.delete(e.key);
      vars.delete(e.key);
    }
  }
  return settings;
}

function entrySetting(file: string, e: EnvEntry, origin: string, lookup: ReadonlyMap<string, string>): Setting {
  const base: Setting = { name: e.key, value: e.value, file, keyRange: e.keyRange, valueRange: e.valueRange, literal: true, origin };
  if (e.quote === "'" || e.quote === '`' || !hasInterpolation(e.value)) return base;
  const r = interpolate(e.value, lookup);
  const variable = r.unresolved[0] ?? r.variables[0];
  return { ...base, value: r.value, literal: false, reference: { kind: 'interpolation', variable, usedDefault: r.usedDefault } };
}

/** Reads the interpolation environment: `envFiles` as `--env-file` would, else the project's `.env`. */
export function readProjectEnv(composeFile: string, read: FileReader, envFiles?: readonly string[]): ProjectEnv {
  const files = envFiles?.length ? [...envFiles] : [defaultProjectEnvFile(composeFile)];
  const vars = new Map<string, string>();
  const entries = new Map<string, Setting>();
  for (const file of files) {
    const text = read(file);
    if (text === undefined) continue;
    const origin = path.basename(file);
    for (const [name, setting] of envFileSettings(file, parseEnv(text).entries, origin, vars, vars)) entries.set(name, setting);
  }
  return { files, vars, entries };
}

/** Variables a compose file interpolates anywhere (`$VAR`, `${VAR…}`; `$$` is a literal dollar). */
export function interpolatedVariables(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.replace(/\$\$/g, '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
  return names;
}
