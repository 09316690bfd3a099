// Project API keys, matched by note: a declared key that does not exist is created into its stores;
// an overdue key declared `rotate: auto` is rotated (its stores get the new pair); undeclared keys of
// an exhaustive list are revoked. Keys inside an unfinished rotation are the rotation's business.
import { keyAgeDays } from '../keys/keyHealth';
import type { ApiKeySummary } from '../langfuse/schemas';
import { shortPublicKey } from '../log/redact';
import type { DeclaredProject } from './declaration';
import type { DiffContext, DiffOutput } from './diffContext';
import type { LiveProject } from './liveState';
import { l10n } from '../l10n/l10n';

export function diffProjectKeys(name: string, project: DeclaredProject, lp: LiveProject, ctx: DiffContext, out: DiffOutput): void {
  const inProgress = new Map<string, string>();
  for (const r of ctx.rotationsInProgress) if (r.project === name) for (const pk of r.publicKeys) inProgress.set(pk, r.id);
  const byNote = new Map<string, ApiKeySummary[]>();
  for (const k of lp.apiKeys) if (k.note !== null) byNote.set(k.note, [...(byNote.get(k.note) ?? []), k]);
  for (const list of byNote.values()) list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const declared = project.keys ?? [];
  const busy = (k: ApiKeySummary) => inProgress.get(k.publicKey);

  declared.forEach((k, i) => {
    const path = ['projects', name, 'keys', i];
    const id = `project/${name}/key/${k.note}`;
    const matches = byNote.get(k.note) ?? [];
    const creating = ctx.rotationsInProgress.find(r => r.project === name && r.creates === k.note);
    if (matches.length === 0 && creating) {
      out.warnings.push({ level: 'info', project: name, path, message: l10n.t('Key "{0}" of {1} is being created by rotation {2}; finish it first (langfuse-access rotate --resume {2}, or apply resumes it).', k.note, name, creating.id) });
      return;
    }
    if (matches.length === 0) {
      out.changes.push({
        id, kind: 'key.create', project: name, projectId: lp.id, note: k.note, from: 'absent', to: storesText(k.stores), live: 'absent', stores: k.stores, environment: k.environment, destroy: false, path,
        summary: l10n.t('Create the key "{0}" in {1}; its secret goes to {2} and nowhere else.', k.note, name, storesText(k.stores)),
      });
      return;
    }
    const rotation = matches.map(busy).find(Boolean);
    if (rotation) {
      out.warnings.push({ level: 'info', project: name, path, message: l10n.t('Key "{0}" of {1} is in rotation {2}; finish it first (langfuse-access rotate --resume {2}, or apply resumes it).', k.note, name, rotation) });
      return;
    }
    const [current, ...others] = matches;
    const age = keyAgeDays(current.createdAt, ctx.now) ?? 0;
    const max = k.maxAgeDays ?? ctx.maxAgeDays;
    if (age > max && k.rotate === 'auto') {
      out.changes.push({
        id, kind: 'key.rotate', project: name, projectId: lp.id, note: k.note, keyId: current.id, publicKey: current.publicKey, ageDays: age, maxAgeDays: max,
        from: `${shortPublicKey(current.publicKey)}, ${age} days old`, to: `new key → ${storesText(k.stores)}`, live: `key:${current.id}`, stores: k.stores, environment: k.environment, destroy: false, path,
        summary: l10n.t('Rotate the key "{0}" of {1} ({2}, {3} days old, over {4}): a new key into {5}, then the old one is revoked.', k.note, name, current.publicKey, age, max, storesText(k.stores)),
      });
    } else if (age > max) {
      out.warnings.push({ level: 'warning', project: name, path: [...path, 'rotate'], message: l10n.t('Key "{0}" of {1} ({2}) is {3} days old, over {4}, and declared rotate: manual: rotate it (langfuse-access rotate --project {1} --key {2} --to …) or declare rotate: auto.', k.note, name, current.publicKey, age, max) });
    }
    for (const extra of others) revokeOrReport(extra, l10n.t('another key with the note "{0}" (only the newest one is the declared key)', k.note), path);
  });

  for (const key of lp.apiKeys) {
    if (key.note !== null && declared.some(k => k.note === key.note)) continue;
    if (busy(key)) continue;
    revokeOrReport(key, key.note === null ? l10n.t('a key without a note (keys are matched by note)') : l10n.t('not declared'), ['projects', name, 'exhaustive']);
  }

  function revokeOrReport(key: ApiKeySummary, why: string, path: PropertyKey[]): void {
    const label = `${key.publicKey}${key.note !== null ? ` ("${key.note}")` : ''}`;
    if (!project.exhaustive) {
      out.unmanaged.push({ level: 'info', project: name, message: l10n.t('Key {0} of {1}: {2}.', label, name, why) });
      return;
    }
    out.changes.push({
      id: `project/${name}/keyId/${key.id}`, kind: 'key.revoke', project: name, projectId: lp.id, note: key.note ?? undefined, keyId: key.id, publicKey: key.publicKey,
      from: `${shortPublicKey(key.publicKey)}, created ${key.createdAt.slice(0, 10)}`, to: 'revoked', live: `key:${key.id}`, destroy: true, path: project.exhaustive ? path : [],
      summary: l10n.t('Revoke {0} of {1}: {2}, in an exhaustive list. Every service using it stops authenticating at once.', label, name, why),
    });
  }
}

export function storesText(stores: readonly string[]): string {
  return stores.length ? stores.join(', ') : l10n.t('(no store declared)');
}
