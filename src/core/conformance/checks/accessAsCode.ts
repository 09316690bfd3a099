// The access-as-code round trip, through the same core code as `export`, `plan` and `apply`: export the
// run's project into an access file in the run's folder → plan (no changes) → declare a throwaway
// member with a NONE project role and a missing key stored in an `env:` file there → plan (exactly
// those three changes) → apply (session guards and audit; the key through the rotation engine) → plan
// (no changes) → the new pair answers 200 and its secret is in its store only. Only the organization
// section this check writes (one member, not exhaustive) and the run's project are declared, so the
// apply can touch nothing else of a real organization. Everything is journaled before it exists.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyAccess } from '../../accessAsCode/applyAccess';
import { planAccess } from '../../accessAsCode/accessPlanner';
import { exportAccess } from '../../accessAsCode/exportAccess';
import type { AccessPlan } from '../../accessAsCode/planTypes';
import { accessWorkspaceFromText } from '../../accessAsCode/workspaceFile';
import { ACCESS_DIR, ACCESS_FILE_NAME } from '../../access/accessSchema';
import { parseEnv } from '../../env/envParser';
import { l10n } from '../../l10n/l10n';
import { PLANS_WITH_ADMIN_API } from '../../langfuse/errorMapping';
import { shortPublicKey } from '../../log/redact';
import { DEFAULT_ROTATION_MAX_AGE_DAYS } from '../../names';
import { ensurePrivateDir } from '../../state/stateDir';
import { isMap, parseDocument } from '../../yaml';
import { CheckFailure, done, pairAnswer, SkipCheck, type SuiteContext } from '../context';
import { needAdminApi } from './setup';

/** The round trip's member: not the member checks' one, whose SCIM user may not be added back by email everywhere. */
export function accessMemberEmail(runId: string): string {
  return `${runId}-aac@example.com`;
}

const STORE_FILE = 'conformance.env';

export async function accessRoundTripCheck(ctx: SuiteContext): Promise<string> {
  needAdminApi(ctx);
  if (!ctx.capabilities?.rbacProjectRoles) throw new SkipCheck(l10n.t('the plan lacks the rbac-project-roles entitlement (the round trip declares a NONE project role)'), PLANS_WITH_ADMIN_API);
  if (!ctx.project) throw new SkipCheck(l10n.t('no project to work in (the project check did not pass)'));
  const { session, journal, runId } = ctx;
  const project = ctx.project;
  const email = accessMemberEmail(runId);
  const note = `${runId} access-as-code`;

  const repo = path.join(ctx.workDir, 'access-repo');
  journal.record({ kind: 'folder', path: ctx.workDir });
  ensurePrivateDir(repo);
  const file = path.join(repo, ACCESS_DIR, ACCESS_FILE_NAME);
  const load = () => accessWorkspaceFromText(file, fs.readFileSync(file, 'utf8'), { stores: { workspaceRoots: [repo], secretStorage: false }, defaultMaxAgeDays: DEFAULT_ROTATION_MAX_AGE_DAYS });

  const exported = await exportAccess(session, file, { projects: [project.name] });
  const keysExported = exported.exported.projects[0]?.keys.length ?? 0;
  expectChanges(await planAccess(session, load()), [], 'export');

  fs.writeFileSync(file, declare(fs.readFileSync(file, 'utf8'), project.name, { email, note, store: `env:${STORE_FILE}` }));
  const ws = load();
  const plan = await planAccess(session, ws);
  const expected = [
    `member.add org/member/${email}`,
    `projectRole.set project/${project.name}/member/${email}`,
    `key.create project/${project.name}/key/${note}`,
  ];
  expectChanges(plan, expected, 'edit');

  journal.record({ kind: 'member', email });
  journal.record({ kind: 'apiKey', projectId: project.id, note });
  ctx.checkpoint('conformance:access-apply');
  const applied = await applyAccess(session, { ws, allowDestroy: false, only: plan.changes.map(c => c.id) });
  if (applied.status !== 'applied') {
    // Status, kinds and states are ids (as in the apply journal); `message` and `why` are the apply's own sentences.
    const entries = applied.entries.map(e => `${e.kind} ${e.state}${e.why ? ` (${e.why})` : ''}`).join('; ');
    throw new CheckFailure(applied.message
      ? l10n.t('the apply ended with status {0}: {1}; changes: {2}', applied.status, applied.message, entries)
      : l10n.t('the apply ended with status {0}; changes: {1}', applied.status, entries));
  }
  expectChanges(await planAccess(session, ws), [], 'apply');

  const storePath = path.join(repo, STORE_FILE);
  const values = Object.fromEntries(parseEnv(fs.readFileSync(storePath, 'utf8')).entries.map(e => [e.key, e.value]));
  const pair = { publicKey: values.LANGFUSE_PUBLIC_KEY ?? '', secretKey: values.LANGFUSE_SECRET_KEY ?? '' };
  const key = (await session.liveFacts(project.id)).project?.apiKeys.find(k => k.note === note);
  if (!key || key.publicKey !== pair.publicKey) throw new CheckFailure(key
    ? l10n.t('{0} holds {1}, but {2} lists {3} noted "{4}"', STORE_FILE, shortPublicKey(pair.publicKey), project.name, shortPublicKey(key.publicKey), note)
    : l10n.t('{0} holds {1}, but {2} lists no key noted "{3}"', STORE_FILE, shortPublicKey(pair.publicKey), project.name, note));
  journal.record({ kind: 'apiKey', projectId: project.id, note, id: key.id, publicKey: key.publicKey });
  const answer = await pairAnswer(ctx, pair);
  if (answer.status !== 200 || answer.projectId !== project.id) throw new CheckFailure(l10n.t('the new pair {0} does not answer for {1} ({2})', shortPublicKey(pair.publicKey), project.name, answer.status));
  const holders = filesHolding(session.host.port.stateDir, pair.secretKey).filter(f => f !== storePath);
  if (holders.length) throw new CheckFailure(l10n.t('the new secret of {0} is also in {1}', shortPublicKey(pair.publicKey), holders.join(', ')));

  // Tidy up what the apply created, through the session (the journal's cleanup is the safety net).
  done(await session.perform({ kind: 'apiKey.revoke', projectId: project.id, keyId: key.id }), { kind: 'apiKey.revoke', key: shortPublicKey(key.publicKey) });
  journal.forget({ kind: 'apiKey', projectId: project.id, note });
  const member = (await session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === email);
  if (member) done(await session.perform({ kind: 'member.remove', userId: member.userId }), { kind: 'member.remove', email });
  journal.forget({ kind: 'member', email });
  return l10n.t('export of {0} ({1} key(s)) planned no changes; declared {2} with a NONE project role and the key "{3}" → {4}; plan listed exactly those {5} changes; apply made them; plan after apply: no changes; {6} answers 200, its secret only in its store',
    project.name, keysExported, email, note, `env:${STORE_FILE}`, expected.length, shortPublicKey(pair.publicKey));
}

type Stage = 'export' | 'edit' | 'apply';

/** The plan's changes as "kind id", all allowed, must be exactly these (none after export and apply). */
function expectChanges(plan: AccessPlan, expected: readonly string[], stage: Stage): void {
  const got = plan.changes.map(c => `${c.kind} ${c.id}`);
  const same = got.length === expected.length && expected.every(e => got.includes(e));
  if (!same) throw new CheckFailure(unexpectedPlan(stage, got.join('; '), expected.join('; ')));
  const refused = plan.changes.filter(c => c.verdict.status === 'refused').map(c => `${c.id} (${c.verdict.reason ?? c.verdict.rule})`).join('; ');
  if (refused) {
    throw new CheckFailure(stage === 'export' ? l10n.t('the plan right after export refuses {0}', refused)
      : stage === 'edit' ? l10n.t('the plan after the edit refuses {0}', refused) : l10n.t('the plan after apply refuses {0}', refused));
  }
}

/** One sentence per stage: after export and apply no change is expected, after the edit the three declared. */
function unexpectedPlan(stage: Stage, got: string, expected: string): string {
  if (stage === 'export') return l10n.t('the plan right after export lists {0}; expected no changes', got);
  if (stage === 'apply') return l10n.t('the plan after apply lists {0}; expected no changes', got);
  return got ? l10n.t('the plan after the edit lists {0}; expected {1}', got, expected) : l10n.t('the plan after the edit lists no changes; expected {0}', expected);
}

/** The edit a reviewer would make: one organization member (not exhaustive), their NONE project role, one missing key. */
function declare(text: string, projectName: string, add: { email: string; note: string; store: string }): string {
  const doc = parseDocument(text);
  doc.set('organization', doc.createNode({ exhaustive: false, members: [{ email: add.email, role: 'MEMBER' }] }));
  if (!isMap(doc.getIn(['projects', projectName], true))) throw new CheckFailure(l10n.t('the export did not write the section of {0}', projectName));
  doc.addIn(['projects', projectName, 'members'], doc.createNode({ email: add.email, role: 'NONE' }));
  doc.addIn(['projects', projectName, 'keys'], doc.createNode({ note: add.note, stores: [add.store], rotate: 'manual' }));
  return doc.toString({ lineWidth: 0 });
}

/** Files under `dir` whose text contains `secret` (state files are small; larger ones are not state). */
function filesHolding(dir: string, secret: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (fs.statSync(file).size > 16 * 1024 * 1024) continue;
    if (fs.readFileSync(file).includes(secret)) found.push(file);
  }
  return found;
}
