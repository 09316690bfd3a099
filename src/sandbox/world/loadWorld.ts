import * as fs from 'node:fs';
import { parse as parseYaml } from '../../core/yaml';
import * as z from '../../core/zod';
import { ACME_WORLD_YAML } from '../worlds/acme';
import { buildLargeWorld, LARGE_WORLD_SIZE } from '../worlds/large';
import { RECORDED_WORLD_YAML } from '../worlds/recorded';
import { World } from './schema';

export const BUILT_IN_WORLDS = { acme: ACME_WORLD_YAML, recorded: RECORDED_WORLD_YAML } as const;
export type BuiltInWorldName = keyof typeof BUILT_IN_WORLDS;

/** A world file that cannot be used; the message names the file and the offending entry. */
export class WorldError extends Error {}

export function isBuiltInWorld(name: string): name is BuiltInWorldName {
  return Object.hasOwn(BUILT_IN_WORLDS, name);
}

/** `acme`, `recorded`, `large` (200 projects, built in code), or a path to a YAML/JSON world file. */
export function loadWorld(nameOrPath: string): World {
  if (nameOrPath === 'large') return validateWorld(buildLargeWorld(LARGE_WORLD_SIZE), 'built-in world "large"');
  if (isBuiltInWorld(nameOrPath)) return parseWorld(BUILT_IN_WORLDS[nameOrPath], `built-in world "${nameOrPath}"`);
  let text: string;
  try {
    text = fs.readFileSync(nameOrPath, 'utf8');
  } catch (err) {
    throw new WorldError(`Cannot read world file ${nameOrPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Use "acme", "recorded", "large" or the path of a YAML world file.`);
  }
  return parseWorld(text, nameOrPath);
}

export function parseWorld(text: string, source: string): World {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new WorldError(`${source} is not valid YAML: ${(err as Error).message}`);
  }
  return validateWorld(raw, source);
}

export function validateWorld(raw: unknown, source: string): World {
  const parsed = World.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map(i => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new WorldError(`${source} is not a valid sandbox world:\n  ${first.join('\n  ')}`);
  }
  checkReferences(parsed.data, source);
  return parsed.data;
}

function checkReferences(world: World, source: string): void {
  const problems: string[] = [];
  const users = new Set(world.users.map(u => u.id));
  const projects = new Set(world.projects.map(p => p.id));
  const members = new Set(world.organizationMemberships.map(m => m.userId));
  duplicates(world.users.map(u => u.id), 'user id', problems);
  duplicates(world.users.map(u => u.email.toLowerCase()), 'user email', problems);
  duplicates(world.projects.map(p => p.id), 'project id', problems);
  duplicates(world.apiKeys.map(k => k.id), 'API key id', problems);
  duplicates(world.apiKeys.map(k => k.publicKey), 'public key', problems);
  duplicates(world.apiKeys.map(k => k.secretKey), 'secret key', problems);
  for (const m of world.organizationMemberships) {
    if (!users.has(m.userId)) problems.push(`organizationMemberships: unknown user "${m.userId}"`);
  }
  for (const m of world.projectMemberships) {
    if (!projects.has(m.projectId)) problems.push(`projectMemberships: unknown project "${m.projectId}"`);
    if (!members.has(m.userId)) problems.push(`projectMemberships: "${m.userId}" is not a member of the organization`);
  }
  if (!world.apiKeys.some(k => k.scope === 'ORGANIZATION')) problems.push('apiKeys: at least one key with scope ORGANIZATION is needed (the sandbox hands it out as the organization key)');
  for (const k of world.apiKeys) {
    if (k.scope === 'PROJECT' && (!k.projectId || !projects.has(k.projectId))) problems.push(`apiKeys: key "${k.id}" needs a known projectId`);
    if (k.scope === 'ORGANIZATION' && k.projectId) problems.push(`apiKeys: organization key "${k.id}" must not have a projectId`);
    if (k.publicKey.includes(':') || k.secretKey.includes(':')) problems.push(`apiKeys: key "${k.id}" contains ":" (Basic auth cannot carry it)`);
  }
  if (problems.length) throw new WorldError(`${source} is not a consistent sandbox world:\n  ${problems.slice(0, 10).join('\n  ')}`);
}

function duplicates(values: string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) problems.push(`duplicate ${what} "${v}"`);
    seen.add(v);
  }
}

/** A world before defaults are applied (plan, serverVersion, projectMemberships may be left out). */
export type WorldInput = z.input<typeof World>;
