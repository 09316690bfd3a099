import { parseEnv } from '../env/envParser';
import type { EnvEntry } from '../env/envParser';
import { textRange } from '../env/position';
import type { DeploymentFile, DeploymentTarget, InsertPoint, Setting } from './types';

export function envEntryToSetting(file: string, entry: EnvEntry, origin: string): Setting {
  return { name: entry.key, value: entry.value, file, keyRange: entry.keyRange, valueRange: entry.valueRange, literal: true, origin };
}

/** Settings of a .env file, last definition winning (as Docker and dotenv read it). */
export function envSettings(file: string, text: string, origin: string): Map<string, Setting> {
  const settings = new Map<string, Setting>();
  for (const entry of parseEnv(text).entries) settings.set(entry.key, envEntryToSetting(file, entry, origin));
  return settings;
}

export function envInsertPoint(file: string, text: string): InsertPoint {
  const lines = text.split('\n');
  const endsWithNewline = text.length === 0 || text.endsWith('\n');
  const line = endsWithNewline ? Math.max(0, lines.length - 1) : lines.length - 1;
  const character = endsWithNewline ? 0 : lines[lines.length - 1].length;
  return { style: 'env', file, position: { line, character }, needsLeadingNewline: !endsWithNewline };
}

/** A server .env file: one target that stands for both web and worker. */
export function readServerEnvFile(file: string, text: string): DeploymentFile {
  const target: DeploymentTarget = {
    file, kind: 'env', name: file.split(/[\\/]/).pop() ?? file, role: 'server',
    settings: envSettings(file, text, 'this file'), images: [], anchor: textRange(0, 0, 0, 0), insertAt: envInsertPoint(file, text),
  };
  return { file, kind: 'env', targets: [target], otherImages: [], problems: [] };
}
