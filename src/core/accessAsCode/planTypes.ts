// A plan as plain data: what `plan` prints (text, Markdown, JSON, SARIF), what `apply --plan FILE`
// reads back (validated here: a plan file is input like any other), and what the editor turns into
// diagnostics. It never holds a secret: emails, roles, notes, public keys and store names only.
import { l10n } from '../l10n/l10n';
import * as z from '../zod';

export const CHANGE_KINDS = ['member.add', 'member.role', 'member.remove', 'projectRole.set', 'projectRole.clear', 'key.create', 'key.rotate', 'key.revoke'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const Location = z.object({
  /** The YAML path of the declaration the change comes from (or the `exhaustive` flag that asks for it). */
  path: z.array(z.union([z.string(), z.number()])),
  line: z.number(),
  column: z.number(),
});
export type PlanLocation = z.infer<typeof Location>;

const Verdict = z.object({
  /** `confirm-twice`: allowed, and the grant (OWNER/ADMIN) is asked twice. */
  status: z.enum(['allowed', 'confirm-twice', 'refused']),
  rule: z.string(),
  reason: z.optional(z.string()),
  askWhom: z.optional(z.array(z.string())),
});
export type PlanVerdict = z.infer<typeof Verdict>;

export const PlanChange = z.object({
  /** The subject, stable between plan and apply: `org/member/<email>`, `project/<name>/key/<note>`, … */
  id: z.string(),
  kind: z.enum(CHANGE_KINDS),
  project: z.optional(z.string()),
  projectId: z.optional(z.string()),
  email: z.optional(z.string()),
  userId: z.optional(z.string()),
  note: z.optional(z.string()),
  keyId: z.optional(z.string()),
  publicKey: z.optional(z.string()),
  /** Live and declared values as shown ("ADMIN", "inherits MEMBER", "absent"). */
  from: z.string(),
  to: z.string(),
  /** The subject's live state the change was planned against; apply refuses the change if it moved. */
  live: z.string(),
  stores: z.optional(z.array(z.string())),
  environment: z.optional(z.string()),
  /** Key age and limit, for rotations. */
  ageDays: z.optional(z.number()),
  maxAgeDays: z.optional(z.number()),
  /** Revoking a key or removing a member: only from exhaustive lists, after everything else, with --allow-destroy. */
  destroy: z.boolean(),
  verdict: Verdict,
  at: z.optional(Location),
  /** One sentence: the exact change that fixes the drift. */
  summary: z.string(),
});
export type PlanChange = z.infer<typeof PlanChange>;

const Note = z.object({
  level: z.enum(['warning', 'info']),
  project: z.optional(z.string()),
  message: z.string(),
  at: z.optional(Location),
});
export type PlanNote = z.infer<typeof Note>;

export const PLAN_FORMAT = 'langfuse-access-plan';

export const AccessPlan = z.object({
  format: z.literal(PLAN_FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  /** The access file (absolute) and the SHA-256 of its text: apply refuses a plan of another text. */
  file: z.string(),
  fileHash: z.string(),
  connection: z.object({ id: z.optional(z.string()), host: z.string() }),
  actingAs: z.optional(z.string()),
  /** SHA-256 of the live state the plan was made from (the parts the declaration covers). */
  fingerprint: z.string(),
  liveReadAt: z.string(),
  changes: z.array(PlanChange),
  warnings: z.array(Note),
  unmanaged: z.array(Note),
});
export type AccessPlan = z.infer<typeof AccessPlan>;

export interface PlanSummary { add: number; change: number; destroy: number; refused: number; total: number }

export function summarize(plan: Pick<AccessPlan, 'changes'>): PlanSummary {
  const s: PlanSummary = { add: 0, change: 0, destroy: 0, refused: 0, total: plan.changes.length };
  for (const c of plan.changes) {
    if (c.verdict.status === 'refused') s.refused++;
    if (c.destroy) s.destroy++;
    else if (c.kind === 'member.add' || c.kind === 'key.create' || (c.kind === 'projectRole.set' && c.from.startsWith('inherits'))) s.add++;
    else s.change++;
  }
  return s;
}

/** Parses a plan file; the message says what is wrong, never echoing the file. */
export function parsePlan(text: string, where: string): AccessPlan {
  let raw: unknown;
  try { raw = JSON.parse(text); } catch { throw new Error(l10n.t('{0} is not a plan: not JSON. Write one with "langfuse-access plan --format json > FILE".', where)); }
  const parsed = AccessPlan.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(l10n.t('{0} is not a plan of this tool ({1}: {2}). Write one with "langfuse-access plan --format json > FILE".', where, issue?.path.join('.') || l10n.t('top level'), String(issue?.code)));
  }
  return parsed.data;
}
