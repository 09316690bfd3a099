// What a rotation front end offers at each choice, as data: the projects and keys of a connection,
// the targets found in the workspace, the modes the connection allows, and the check of a typed key.
import { formatAge, keyAgeDays } from '../keys/keyHealth';
import type { OrganizationOverview } from '../org/organizationModel';
import { shortPublicKey } from '../log/redact';
import type { RotationMode } from './steps';
import { l10n } from '../l10n/l10n';

export interface Choice<T> { label: string; description?: string; detail?: string; value: T }

/** The projects a connection can rotate keys in: all of an organization key's, or a project key's own. */
export function projectChoices(overview: OrganizationOverview): Choice<{ id: string; name: string }>[] {
  const projects = overview.projects ?? (overview.capabilities.project ? [overview.capabilities.project] : []);
  if (projects.length === 0) throw new Error(l10n.t('This connection shows no project to rotate a key in.'));
  return projects.map(p => ({ label: p.name, description: p.id, value: { id: p.id, name: p.name } }));
}

export function keyChoices<K extends { publicKey: string; note: string | null; createdAt: string }>(keys: readonly K[], now: Date): Choice<K>[] {
  return keys.map(k => ({ label: shortPublicKey(k.publicKey), description: `${k.note ?? l10n.t('no note')} · ${l10n.t('created {0}', k.createdAt.slice(0, 10))} · ${formatAge(keyAgeDays(k.createdAt, now))}`, value: k }));
}

/** A typed public key: undefined when it looks like one, else what is wrong. */
export function publicKeyProblem(value: string): string | undefined {
  return /^pk-lf-[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : l10n.t('A Langfuse public key starts with pk-lf-.');
}

export function secretKeyProblem(value: string): string | undefined {
  return /^sk-lf-[A-Za-z0-9_-]+$/.test(value.trim()) ? undefined : l10n.t('A Langfuse secret key starts with sk-lf-.');
}

/** Normal and compromised with the admin API; a guided manual rotation without it. */
export function modeChoices(overview: OrganizationOverview): Choice<RotationMode>[] {
  const adminApi = overview.capabilities.keyKind === 'organization' && !!overview.capabilities.adminApi;
  return adminApi ? [
    { label: l10n.t('Normal rotation'), detail: l10n.t('Create → store → push → verify → check nothing uses the old key → you confirm → revoke the old key.'), value: 'normal' },
    { label: l10n.t('$(warning) Compromised key'), detail: l10n.t('Create → store → push → verify, then revoke the old key at once: services still on it fail immediately.'), value: 'compromised' },
  ] : [
    { label: l10n.t('Guided manual rotation'), detail: l10n.t('This connection cannot create keys (no admin API): you create the new pair in the Langfuse UI and paste it; the wizard pushes, verifies and checks, you delete the old key in the UI.'), value: 'manual' },
  ];
}

/**
 * The optional trace probe, as a toggle in the mode step: off unless the user turns it on. Langfuse v4
 * no longer serves the v3 trace list (GET /api/public/traces answers 404 in its events-only mode), so
 * the probe reads v2 observations there; where neither answers it is reported unavailable.
 */
export function probeChoice(on: boolean): Choice<'toggle-probe'> {
  return {
    label: on ? `$(pass-filled) ${l10n.t('Trace probe: on (select to turn off)')}` : `$(circle-large-outline) ${l10n.t('Trace probe: off (select to turn on)')}`,
    description: l10n.t('optional evidence, never blocks the rotation'),
    detail: l10n.t('Reads tracing data arriving with the NEW key since the cut-over: {0} on Langfuse 4.x (the v3 trace list is not available on Langfuse v4), the v3 trace list on 3.x. It cannot show which key sent the data.', 'GET /api/public/v2/observations'),
    value: 'toggle-probe',
  };
}

/** Targets to offer: those found holding the old key (ticked by default) and those already chosen. */
export function targetChoices(discovered: readonly string[], chosen: readonly string[] | undefined, relative: (file: string) => string): (Choice<string> & { picked: boolean })[] {
  const found = new Set(discovered);
  return [...new Set([...discovered, ...(chosen ?? [])])].map(spec => ({
    ...targetLabel(spec, relative),
    ...(found.has(spec) && !spec.startsWith('access:') ? { description: l10n.t('holds the old public key') } : {}),
    value: spec,
    picked: (chosen ?? discovered).includes(spec),
  }));
}

/** A file target by its workspace path; an access-file target with its environment and what changes there. */
function targetLabel(spec: string, relative: (file: string) => string): { label: string; description?: string } {
  if (spec.startsWith('env:')) return { label: `$(file) ${relative(spec.slice(4))}` };
  if (!spec.startsWith('access:')) return { label: spec };
  const hash = spec.lastIndexOf('#');
  return { label: `$(shield) ${relative(spec.slice('access:'.length, hash))} · ${spec.slice(hash + 1)}`, description: l10n.t('publicKeys of environment {0} list the old public key (only the public key is written)', spec.slice(hash + 1)) };
}
