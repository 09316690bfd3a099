// The declaration of a live organization, as data: every member with their role, and per project
// the explicit project roles (NONE included) and the keys (by note), in a deterministic order. A key
// already declared keeps the file's choices (stores, environment, limit, rotate); a new one gets
// `rotate: manual`, the environment listing its public key, and as stores the repository's `.env`
// files that hold it. Nothing secret is read or written: public keys and notes only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { matchesPattern } from '../access/environmentMatch';
import { parseEnv } from '../env/envParser';
import { langfuseVariable } from '../env/langfuseVariables';
import type { Role } from '../langfuse/roles';
import { findEnvFiles } from '../rules/lintWorkspace';
import type { Declaration, DeclaredKey } from './declaration';
import type { LiveOrganization } from './liveState';

export interface ExportedMember { email: string; role: Role; name: string | null }
export interface ExportedKey extends DeclaredKey { publicKey: string; createdAt: string; duplicates: string[] }
export interface ExportedProject { name: string; exhaustive: boolean; members: ExportedMember[]; keys: ExportedKey[]; skipped: string[] }
export interface ExportedDeclaration {
  organization: { exhaustive: boolean; members: ExportedMember[]; skipped: string[] };
  projects: ExportedProject[];
  /** Reported only: the public API cannot manage organization keys. */
  organizationKeys: string[];
}

export interface ExportInput {
  live: LiveOrganization;
  /** The folder holding `.langfuse/`: `.env` files below it are where keys are found, and stores are relative to it. */
  rootDir: string;
  environments: Record<string, { project: string; files?: string[]; publicKeys?: string[] }>;
  /** The file's current declaration, whose choices are kept. */
  existing?: Declaration;
}

const byEmail = (a: { email: string }, b: { email: string }) => a.email.toLowerCase().localeCompare(b.email.toLowerCase());

export function exportDeclaration(input: ExportInput): ExportedDeclaration {
  const { live, existing } = input;
  const stores = envStoresByPublicKey(input.rootDir);
  const orgSkipped = live.members.filter(m => !m.email).map(m => `${m.name ?? m.userId} (${m.role}) has no email and cannot be declared`);
  const projects = [...live.projects].sort((a, b) => a.name.localeCompare(b.name)).map((p): ExportedProject => {
    const declared = existing?.projects?.[p.name];
    const skipped: string[] = [];
    const members = (p.overrides ?? []).flatMap(o => {
      const m = live.members.find(x => x.userId === o.userId);
      const email = m?.email ?? o.email;
      if (!email) { skipped.push(`${o.name ?? o.userId} (project role ${o.role}) has no email`); return []; }
      return [{ email, role: o.role, name: m?.name ?? o.name }];
    }).sort(byEmail);
    const notes = new Map<string, typeof p.apiKeys>();
    for (const k of p.apiKeys) {
      if (k.note === null || !k.note.trim() || k.note.length > 200) { skipped.push(`${k.publicKey} has ${k.note === null || !k.note.trim() ? 'no note' : 'a note longer than 200 characters'}: keys are matched by note, so give it one in Langfuse to declare it`); continue; }
      notes.set(k.note, [...(notes.get(k.note) ?? []), k]);
    }
    const keys = [...notes.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([note, list]): ExportedKey => {
      const [newest, ...others] = [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const before = declared?.keys?.find(k => k.note === note);
      const keyStores = before?.stores ?? (stores.get(newest.publicKey) ?? []);
      const environment = before?.environment ?? environmentOf(input.environments, p.name, newest.publicKey, keyStores);
      return {
        note, ...(environment ? { environment } : {}),
        stores: keyStores,
        ...(before?.maxAgeDays ? { maxAgeDays: before.maxAgeDays } : {}),
        rotate: before?.rotate ?? 'manual',
        publicKey: newest.publicKey, createdAt: newest.createdAt, duplicates: others.map(o => o.publicKey),
      };
    });
    return { name: p.name, exhaustive: declared?.exhaustive ?? false, members, keys, skipped };
  });
  return {
    organization: {
      exhaustive: existing?.organization?.exhaustive ?? false,
      members: live.members.flatMap(m => (m.email ? [{ email: m.email, role: m.role, name: m.name }] : [])).sort(byEmail),
      skipped: orgSkipped,
    },
    projects,
    organizationKeys: live.organizationApiKeys.map(k => `${k.publicKey}${k.note ? ` "${k.note}"` : ''} created ${k.createdAt.slice(0, 10)}`),
  };
}

/** The environment of this project that lists the key, or whose `files` name one of its `env:` stores. */
function environmentOf(environments: ExportInput['environments'], project: string, publicKey: string, stores: readonly string[]): string | undefined {
  const mine = Object.entries(environments).filter(([, e]) => e.project === project);
  const files = stores.filter(s => s.startsWith('env:')).map(s => s.slice(4));
  return (mine.find(([, e]) => e.publicKeys?.includes(publicKey))
    ?? mine.find(([, e]) => (e.files ?? []).some(pattern => files.some(f => matchesPattern(f, pattern)))))?.[0];
}

/** `.env` files under the repository by the public key they hold, as `env:` stores relative to it. */
export function envStoresByPublicKey(rootDir: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  let files: string[] = [];
  try { files = findEnvFiles([rootDir]); } catch { return found; }
  for (const file of files.sort()) {
    let text: string;
    try { text = fs.readFileSync(file, 'utf8'); } catch { continue; }
    for (const e of parseEnv(text).entries) {
      if (langfuseVariable(e.key)?.kind !== 'publicKey' || !e.value.startsWith('pk-lf-')) continue;
      const store = `env:${path.relative(rootDir, file).split(path.sep).join('/')}`;
      const list = found.get(e.value) ?? [];
      if (!list.includes(store)) found.set(e.value, [...list, store]);
    }
  }
  return found;
}
