// What a rotation front end offers at each choice, as data: the projects and keys of a connection,
// the targets found in the workspace, the modes the connection allows, and the check of a typed key.
import { formatAge, keyAgeDays } from '../keys/keyHealth';
import type { OrganizationOverview } from '../org/organizationModel';
import { shortPublicKey } from '../log/redact';
import type { RotationMode } from './steps';

export interface Choice<T> { label: string; description?: string; detail?: string; value: T }

/** The projects a connection can rotate keys in: all of an organization key's, or a project key's own. */
export function projectChoices(overview: OrganizationOverview): Choice<{ id: string; name: string }>[] {
  const projects = overview.projects ?? (overview.capabilities.project ? [overview.capabilities.project] : []);
  if (projects.length === 0) throw new Error('This connection shows no project to rotate a key in.');
  return projects.map(p => ({ label: p.name, description: p.id, value: { id: p.id, name: p.name } }));
}

export function keyChoices<K extends { publicKey: string; note: string | null; createdAt: string }>(keys: readonly K[], now: Date): Choice<K>[] {
  return keys.map(k => ({ label: shortPublicKey(k.publicKey), description: `${k.note ?? 'no note'} · created ${k.createdAt.slice(0, 10)} · ${formatAge(keyAgeDays(k.createdAt, now))}`, value: k }));
}

/** A typed public key: undefined when it looks like one, else what is wrong. */
export function publicKeyProblem(value: string): string | undefined {
  return /^pk-lf-[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : 'A Langfuse public key starts with pk-lf-.';
}

export function secretKeyProblem(value: string): string | undefined {
  return /^sk-lf-[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : 'A Langfuse secret key starts with sk-lf-.';
}

/** Normal and compromised with the admin API; a guided manual rotation without it. */
export function modeChoices(overview: OrganizationOverview): Choice<RotationMode>[] {
  const adminApi = overview.capabilities.keyKind === 'organization' && !!overview.capabilities.adminApi;
  return adminApi ? [
    { label: 'Normal rotation', detail: 'Create → store → push → verify → check nothing uses the old key → you confirm → revoke the old key.', value: 'normal' },
    { label: '$(warning) Compromised key', detail: 'Create → store → push → verify, then revoke the old key at once: services still on it fail immediately.', value: 'compromised' },
  ] : [
    { label: 'Guided manual rotation', detail: 'This connection cannot create keys (no admin API): you create the new pair in the Langfuse UI and paste it; the wizard pushes, verifies and checks, you delete the old key in the UI.', value: 'manual' },
  ];
}

/**
 * The optional trace probe, as a toggle in the mode step: off unless the user turns it on. Langfuse v4
 * no longer serves the v3 trace list (GET /api/public/traces answers 404 in its events-only mode), so
 * the probe reads v2 observations there; where neither answers it is reported unavailable.
 */
export function probeChoice(on: boolean): Choice<'toggle-probe'> {
  return {
    label: `${on ? '$(pass-filled)' : '$(circle-large-outline)'} Trace probe: ${on ? 'on' : 'off'} (select to turn ${on ? 'off' : 'on'})`,
    description: 'optional evidence, never blocks the rotation',
    detail: 'Reads tracing data arriving with the NEW key since the cut-over: GET /api/public/v2/observations on Langfuse 4.x (the v3 trace list is not available on Langfuse v4), the v3 trace list on 3.x. It cannot show which key sent the data.',
    value: 'toggle-probe',
  };
}

/** Targets to offer: those found holding the old key (ticked by default) and those already chosen. */
export function targetChoices(discovered: readonly string[], chosen: readonly string[] | undefined, relative: (file: string) => string): (Choice<string> & { picked: boolean })[] {
  const found = new Set(discovered);
  return [...new Set([...discovered, ...(chosen ?? [])])].map(spec => ({
    label: spec.startsWith('env:') ? `$(file) ${relative(spec.slice(4))}` : spec,
    description: found.has(spec) ? 'holds the old public key' : undefined,
    value: spec,
    picked: (chosen ?? discovered).includes(spec),
  }));
}
