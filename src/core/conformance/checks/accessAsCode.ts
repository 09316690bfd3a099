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
  if (!ctx.capabilities?.rbacProjectRoles) throw new SkipCheck('the plan lacks the rbac-project-roles entitlement (the round trip declares a NONE project role)', PLANS_WITH_ADMIN_API);
  if (!ctx.project) throw new SkipCheck('no project to work in (the project check did not pass)');
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
  expectChanges(await planAccess(session, load()), [], 'right after export');

  fs.writeFileSync(file, declare(fs.readFileSync(file, 'utf8'), project.name, { email, note, store: `env:${STORE_FILE}` }));
  const ws = load();
  const plan = await planAccess(session, ws);
  const expected = [
    `member.add org/member/${email}`,
    `projectRole.set project/${project.name}/member/${email}`,
    `key.create project/${project.name}/key/${note}`,
  ];
  expectChanges(plan, expected, 'after the edit');

  journal.record({ kind: 'member', email });
  journal.record({ kind: 'apiKey', projectId: project.id, note });
  ctx.checkpoint('conformance:access-apply');
  const applied = await applyAccess(session, { ws, allowDestroy: false, only: plan.changes.map(c => c.id) });
  if (applied.status !== 'applied') {
    throw new CheckFailure(`apply ended ${applied.status}${applied.message ? `: ${applied.message}` : ''}: ${applied.entries.map(e => `${e.kind} ${e.state}${e.why ? ` (${e.why})` : ''}`).join('; ')}`);
  }
  expectChanges(await planAccess(session, ws), [], 'after apply');

  const storePath = path.join(repo, STORE_FILE);
  const values = Object.fromEntries(parseEnv(fs.readFileSync(storePath, 'utf8')).entries.map(e => [e.key, e.value]));
  const pair = { publicKey: values.LANGFUSE_PUBLIC_KEY ?? '', secretKey: values.LANGFUSE_SECRET_KEY ?? '' };
  const key = (await session.liveFacts(project.id)).project?.apiKeys.find(k => k.note === note);
  if (!key || key.publicKey !== pair.publicKey) throw new CheckFailure(`${STORE_FILE} holds ${shortPublicKey(pair.publicKey)}, but ${project.name} lists ${key ? shortPublicKey(key.publicKey) : 'no key'} noted "${note}"`);
  journal.record({ kind: 'apiKey', projectId: project.id, note, id: key.id, publicKey: key.publicKey });
  const answer = await pairAnswer(ctx, pair);
  if (answer.status !== 200 || answer.projectId !== project.id) throw new CheckFailure(`the new pair ${shortPublicKey(pair.publicKey)} does not answer for ${project.name} (${answer.status})`);
  const holders = filesHolding(session.host.port.stateDir, pair.secretKey).filter(f => f !== storePath);
  if (holders.length) throw new CheckFailure(`the new secret of ${shortPublicKey(pair.publicKey)} is also in ${holders.join(', ')}`);

  // Tidy up what the apply created, through the session (the journal's cleanup is the safety net).
  done(await session.perform({ kind: 'apiKey.revoke', projectId: project.id, keyId: key.id }), `revoking ${shortPublicKey(key.publicKey)}`);
  journal.forget({ kind: 'apiKey', projectId: project.id, note });
  const member = (await session.liveFacts(undefined)).members.find(m => m.email?.toLowerCase() === email);
  if (member) done(await session.perform({ kind: 'member.remove', userId: member.userId }), `removing ${email}`);
  journal.forget({ kind: 'member', email });
  return `export of ${project.name} (${keysExported} key(s)) planned no changes; declared ${email} with a NONE project role and the key "${note}" → env:${STORE_FILE}; plan listed exactly those ${expected.length} changes; apply made them; plan after apply: no changes; ${shortPublicKey(pair.publicKey)} answers 200, its secret only in its store`;
}

/** The plan's changes as "kind id", all allowed, must be exactly these. */
function expectChanges(plan: AccessPlan, expected: readonly string[], when: string): void {
  const got = plan.changes.map(c => `${c.kind} ${c.id}`);
  const same = got.length === expected.length && expected.every(e => got.includes(e));
  if (!same) throw new CheckFailure(`the plan ${when} lists ${got.length ? got.join('; ') : 'no changes'}; expected ${expected.length ? expected.join('; ') : 'no changes'}`);
  const refused = plan.changes.filter(c => c.verdict.status === 'refused');
  if (refused.length) throw new CheckFailure(`the plan ${when} refuses ${refused.map(c => `${c.id} (${c.verdict.reason ?? c.verdict.rule})`).join('; ')}`);
}

/** The edit a reviewer would make: one organization member (not exhaustive), their NONE project role, one missing key. */
function declare(text: string, projectName: string, add: { email: string; note: string; store: string }): string {
  const doc = parseDocument(text);
  doc.set('organization', doc.createNode({ exhaustive: false, members: [{ email: add.email, role: 'MEMBER' }] }));
  if (!isMap(doc.getIn(['projects', projectName], true))) throw new CheckFailure(`the export did not write the section of ${projectName}`);
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
