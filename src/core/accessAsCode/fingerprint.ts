// A fingerprint of the live state a plan was made from: the members, and the declared projects'
// roles and keys, in a canonical order. Equal fingerprints mean nothing the plan looked at moved.
import * as crypto from 'node:crypto';
import type { LiveOrganization } from './liveState';

export function liveFingerprint(live: LiveOrganization): string {
  const canonical = {
    members: [...live.members].sort((a, b) => a.userId.localeCompare(b.userId)).map(m => [m.userId, m.email, m.role]),
    projects: [...live.projects].sort((a, b) => a.name.localeCompare(b.name)).map(p => [
      p.name, p.id,
      p.overrides === undefined ? null : [...p.overrides].sort((a, b) => a.userId.localeCompare(b.userId)).map(o => [o.userId, o.role]),
      [...p.apiKeys].sort((a, b) => a.id.localeCompare(b.id)).map(k => [k.id, k.publicKey, k.note, k.createdAt]),
    ]),
    projectNames: live.projectNames.map(p => p.name).sort(),
  };
  return `sha256:${crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex')}`;
}

export function textHash(text: string): string {
  return `sha256:${crypto.createHash('sha256').update(text).digest('hex')}`;
}
