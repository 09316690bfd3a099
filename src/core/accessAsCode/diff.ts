// Every difference between the declaration and the live organization, each with the change that
// fixes it, plus what is only reported: warnings (an overdue key declared `rotate: manual`, a
// project that does not exist, organization keys) and unmanaged items (not in a non-exhaustive list).
import { keyAgeDays } from '../keys/keyHealth';
import type { Declaration } from './declaration';
import { emptyOutput, type DiffContext, type DiffOutput } from './diffContext';
import { diffProjectKeys } from './diffKeys';
import { diffOrganization, diffProjectMembers } from './diffMembers';
import type { LiveOrganization } from './liveState';
import { l10n } from '../l10n/l10n';

export function diffAccess(d: Declaration, live: LiveOrganization, ctx: DiffContext): DiffOutput {
  const out = emptyOutput();
  const org = diffOrganization(d, live, out);
  const declared = Object.keys(d.projects ?? {}).sort((a, b) => a.localeCompare(b));
  for (const name of declared) {
    const lp = live.projects.find(p => p.name === name);
    if (!lp) {
      out.warnings.push({ level: 'warning', project: name, path: ['projects', name], message: l10n.t('There is no project "{0}" in this organization. This tool does not create projects: create it in Langfuse (or fix the name), then plan again.', name) });
      continue;
    }
    diffProjectMembers(d, name, lp, live, org, out);
    diffProjectKeys(name, d.projects![name], lp, ctx, out);
  }
  for (const k of live.organizationApiKeys) {
    const age = keyAgeDays(k.createdAt, ctx.now) ?? 0;
    const label = k.note ? `${k.publicKey} ("${k.note}")` : k.publicKey;
    const text = l10n.t('Organization key {0}, {1} days old: reported only, never planned — the public API cannot create, rotate or revoke organization keys (an organization OWNER does it in the Langfuse UI).', label, age);
    if (age > ctx.maxAgeDays) out.warnings.push({ level: 'warning', message: l10n.t('{0} It is over the {1}-day policy.', text, ctx.maxAgeDays) });
    else out.unmanaged.push({ level: 'info', message: text });
  }
  const undeclared = live.projectNames.filter(p => !declared.includes(p.name));
  if (d.projects && undeclared.length) {
    out.unmanaged.push({ level: 'info', message: l10n.t('{0} project(s) are not declared, so their roles and keys are not planned: {1}.', undeclared.length, `${undeclared.slice(0, 10).map(p => p.name).join(', ')}${undeclared.length > 10 ? ', …' : ''}`) });
  }
  const seen = new Set<string>();
  out.changes = out.changes.filter(c => !seen.has(`${c.kind}:${c.id}`) && !!seen.add(`${c.kind}:${c.id}`));
  return out;
}
