import { l10n } from '../l10n/l10n';

/** What the tree and the diagnostics say about an API key's age and note. */
export interface KeyHealth {
  ageDays: number | undefined;
  overdue: boolean;
  noteFollowsConvention: boolean;
  warnings: string[];
}

const DAY_MS = 86_400_000;

/**
 * `{service}-{environment}` → /^[A-Za-z0-9_.]+-[A-Za-z0-9_.]+$/: each `{placeholder}` stands for one
 * word (letters, digits, `_`, `.`), everything else is literal. An empty convention accepts any note.
 */
export function conventionPattern(convention: string): RegExp | undefined {
  if (!convention.trim()) return undefined;
  const parts = convention.split(/(\{[A-Za-z]+\})/).filter(Boolean);
  const source = parts.map(p => /^\{[A-Za-z]+\}$/.test(p) ? '[A-Za-z0-9_.]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`);
}

export function keyAgeDays(createdAt: string | undefined, now: Date): number | undefined {
  if (!createdAt) return undefined;
  const t = Date.parse(createdAt);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

export function assessKey(key: { createdAt?: string; note?: string | null }, policy: { maxAgeDays: number; noteConvention: string }, now: Date): KeyHealth {
  const ageDays = keyAgeDays(key.createdAt, now);
  const overdue = ageDays !== undefined && ageDays > policy.maxAgeDays;
  const pattern = conventionPattern(policy.noteConvention);
  const note = key.note?.trim() ?? '';
  const noteFollowsConvention = !pattern || pattern.test(note);
  const warnings: string[] = [];
  if (overdue) warnings.push(l10n.t('Created {0} days ago: older than the {1}-day rotation policy. Rotate it.', ageDays!, policy.maxAgeDays));
  if (!noteFollowsConvention) {
    warnings.push(note
      ? l10n.t('Note "{0}" does not follow the naming convention {1}.', note, policy.noteConvention)
      : l10n.t('No note: name keys after their purpose ({0}) so a leaked or unused key can be traced.', policy.noteConvention));
  }
  return { ageDays, overdue, noteFollowsConvention, warnings };
}

/** Ages are formatted with the other key displays (core/keys/keyDisplay.ts). */
export { formatAge } from './keyDisplay';

/** What to ask for a new key's note under the naming convention: the prompt, an example, and the check of an answer. */
export function keyNotePrompt(convention: string, projectName: string): { prompt: string; placeholder: string; problem(note: string): string | undefined } {
  const pattern = conventionPattern(convention);
  const environment = /prod/i.test(projectName) ? 'production' : /stag/i.test(projectName) ? 'staging' : /dev/i.test(projectName) ? 'development' : 'production';
  return {
    prompt: convention ? l10n.t('Purpose note: which service and environment use it (convention {0}). Recorded in Langfuse and in the audit log.', convention)
      : l10n.t('Purpose note: which service and environment use it. Recorded in Langfuse and in the audit log.'),
    placeholder: convention.replace('{service}', 'chatbot').replace('{environment}', environment),
    problem: v => !v.trim() ? l10n.t('A note makes a leaked or unused key traceable: name the service and environment.')
      : pattern && !pattern.test(v.trim()) ? l10n.t('Does not follow the naming convention {0}.', convention) : undefined,
  };
}
