// Issue 20 item 6, the dialogs every user sees: in the pseudo locale (every message in accented
// brackets, generated from the real bundle) each member/key/project action's confirmation, its
// buttons and its "done" message, the stale-target refusals, the CLI's consent lines, the rotation
// questions and refusals, the Access view's message rows and project choices, and access as code's
// refusals all come out as whole translated sentences; names, roles and ids stay as written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clockStartingAt } from '../../../src/core/clock';
import { closeAllHostGates, PlanGateError, UnauthorizedError, WrongKeyKindError, type LangfuseClient } from '../../../src/core/langfuse';
import { FilePendingSecretStore } from '../../../src/core/rotation/pendingSecrets';
import type { RotationJournal } from '../../../src/core/rotation/journal';
import { planChange, StaleTargetError, type LiveFacts } from '../../../src/core/session/changes';
import { standingConsent } from '../../../src/core/session/consent';
import { SessionHost, type Confirmation, type SessionAction, type SessionPort } from '../../../src/core/session';
import { childrenOf, errorNode } from '../../../src/core/org/accessTree';
import { projectChoices } from '../../../src/core/org/choices';
import type { OrganizationModel } from '../../../src/core/org/organizationModel';
import type { Permissions } from '../../../src/core/session/permissions';
import { accessFilePath, loadAccessWorkspace, parsePlan, UntrustedWorkspaceError } from '../../../src/core/accessAsCode';
import { readLiveOrganization } from '../../../src/core/accessAsCode/liveState';
import { foreignHostProblem } from '../../../src/core/accessAsCode/foreignHost';
import { writeExportedYaml } from '../../../src/core/accessAsCode/exportYaml';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { usePseudoLocale, type PseudoLocale, assertTranslatedWhole } from './pseudoLocale';

const PK = 'pk-lf-c2000000-0000-4000-8000-000000000001';
const facts: LiveFacts = {
  members: [
    { userId: 'u-lead', email: 'lead@acme.com', name: 'Lee Lead', role: 'OWNER' },
    { userId: 'u-dev', email: 'dev@acme.com', name: 'Dana Dev', role: 'MEMBER' },
    { userId: 'u-none', email: 'none@acme.com', name: 'Nia None', role: 'NONE' },
  ],
  project: {
    id: 'p1', name: 'staging-chatbot', overrides: [{ userId: 'u-dev', role: 'VIEWER' }, { userId: 'u-none', role: 'MEMBER' }],
    apiKeys: [
      { id: 'k1', publicKey: PK, note: 'worker', createdAt: '2026-01-01T00:00:00.000Z', displaySecretKey: 'sk-lf-...0001', expiresAt: null, lastUsedAt: null },
      { id: 'k2', publicKey: PK.replace(/1$/, '2'), note: null, createdAt: '2026-01-01T00:00:00.000Z', displaySecretKey: 'sk-lf-...0002', expiresAt: null, lastUsedAt: null },
    ],
  },
} as LiveFacts;
/** Names and values that may stay as written inside a translated message. */
const DATA = ['lead@acme.com', 'dev@acme.com', 'none@acme.com', 'staging-chatbot', 'worker', 'u-gone', 'k-gone', 'rot-20261207-101500-a1b2c3', 'acme.example.com', 'cloud.langfuse.com'];

/** Every action kind, with the variants whose sentences differ. */
const actions: SessionAction[] = [
  { kind: 'member.add', email: 'new@acme.com', role: 'MEMBER' },
  { kind: 'member.changeRole', userId: 'u-dev', to: 'VIEWER' },
  { kind: 'member.remove', userId: 'u-dev' },
  { kind: 'projectRole.set', projectId: 'p1', userId: 'u-dev', to: 'MEMBER' },
  { kind: 'projectRole.set', projectId: 'p1', userId: 'u-lead', to: 'VIEWER' },
  { kind: 'projectRole.set', projectId: 'p1', userId: 'u-dev', to: 'NONE' },
  { kind: 'projectRole.clear', projectId: 'p1', userId: 'u-dev' },
  { kind: 'projectRole.clear', projectId: 'p1', userId: 'u-none' },
  { kind: 'apiKey.create', projectId: 'p1', note: 'worker' },
  { kind: 'apiKey.revoke', projectId: 'p1', keyId: 'k1' },
  { kind: 'apiKey.revoke', projectId: 'p1', keyId: 'k2' },
  { kind: 'apiKey.revoke', projectId: 'p1', keyId: 'k1', discarded: true },
  { kind: 'project.create', name: 'staging-chatbot' },
  { kind: 'project.delete', projectId: 'p1' },
];

const assertWhole = (text: string, what: string) => assertTranslatedWhole(text, [...DATA, PK, 'new@acme.com', 'sk-lf-…0001'], what);

function recordingPort(stateDir: string, answer: boolean): SessionPort & { asked: Confirmation[]; refused: string[] } {
  const asked: Confirmation[] = [];
  const refused: string[] = [];
  return {
    asked, refused, tool: 'extension', stateDir, pendingSecrets: new FilePendingSecretStore(stateDir), clock: clockStartingAt(new Date()),
    actor: () => ({ email: 'engineering-lead@acme.com', label: 'engineering-lead@acme.com' }),
    sinkSettings: async () => ({}),
    prompter: {
      confirm: async c => { asked.push(c); return answer; },
      refuse: async m => { refused.push(m); },
      notify: () => undefined, newKeyPair: async () => undefined, progress: () => undefined,
    },
  };
}

describe('l10n: the session\'s dialogs, the Access view\'s rows and access as code\'s refusals in a pseudo-localised language', function () {
  this.timeout(60_000);
  let locale: PseudoLocale;
  let pseudo: (m: string) => string;
  let sb: SandboxHandle;

  before(async () => { locale = await usePseudoLocale(); ({ pseudo } = locale); sb = await startSandbox(); });
  after(async () => { await sb?.close(); await closeAllHostGates(); locale?.close(); });

  it('every action\'s confirmation, buttons and done message are whole translated sentences', () => {
    for (const action of actions) {
      const change = planChange(action, facts);
      const name = `${action.kind} ${JSON.stringify(action)}`;
      assertWhole(change.confirmation.message, `${name}: question`);
      assertWhole(change.confirmation.button, `${name}: button`);
      if (change.confirmation.cancel) assertWhole(change.confirmation.cancel, `${name}: cancel button`);
      const done = change.done(action.kind === 'apiKey.create' ? { id: 'k9', publicKey: PK, secretKey: 'sk-lf-secret', note: 'worker', createdAt: '2026-01-01T00:00:00.000Z' } as never : undefined);
      assertWhole(done, `${name}: done`);
    }
    // Names, roles and counts stay as written inside the translation.
    const del = planChange({ kind: 'project.delete', projectId: 'p1' }, facts).confirmation;
    assert.equal(del.button, pseudo('Delete {0}').replace('{0}', 'staging-chatbot'));
    assert.ok(del.message.includes('staging-chatbot') && del.message.includes(' 2 '), del.message);
    // The audit entry stays machine-readable English.
    assert.equal(planChange({ kind: 'projectRole.set', projectId: 'p1', userId: 'u-lead', to: 'VIEWER' }, facts).audit.details?.from, 'inherited OWNER');
  });

  it('a target gone from the live organization is refused in a translated sentence', () => {
    const stale = [
      () => planChange({ kind: 'member.remove', userId: 'u-gone' }, facts),
      () => planChange({ kind: 'apiKey.revoke', projectId: 'p1', keyId: 'k-gone' }, facts),
      () => planChange({ kind: 'apiKey.create', projectId: 'p1', note: 'worker' }, { members: facts.members }),
      () => planChange({ kind: 'projectRole.clear', projectId: 'p1', userId: 'u-lead' }, facts),
    ];
    for (const act of stale) {
      assert.throws(act, (err: Error) => err instanceof StaleTargetError && (assertWhole(err.message, 'stale target'), true));
    }
  });

  it('the CLI\'s consent lines and questions', () => {
    const change = planChange({ kind: 'member.remove', userId: 'u-dev' }, facts).confirmation;
    const lines = [
      standingConsent(change, { yes: true, interactive: false }),
      standingConsent(change, { yes: false, interactive: false }),
      standingConsent({ id: 'rotation-revoke', message: pseudo('x'), button: 'b' }, { yes: false, interactive: false }),
      standingConsent({ id: 'rotation-checklist', message: pseudo('x'), button: 'b' }, { yes: true, interactive: false }),
      standingConsent({ id: 'rotation-checklist', message: pseudo('x'), button: 'b' }, { yes: false, interactive: false }),
      standingConsent({ id: 'rotation-checklist', message: pseudo('x'), detail: pseudo('y'), button: 'b' }, { yes: false, interactive: true }),
      standingConsent({ id: 'rotation-foreign-host', message: pseudo('x'), button: 'b', hosts: ['acme.example.com'] }, { yes: true, interactive: false }),
      standingConsent({ id: 'rotation-foreign-host', message: pseudo('x'), button: 'b', hosts: ['acme.example.com'] }, { yes: false, interactive: false, allowForeignHosts: ['acme.example.com'] }),
    ];
    for (const line of lines) {
      const text = 'ask' in line ? line.ask.replace(/ \[y\/N\] $/, '') : line.say!;
      for (const part of text.split('\n')) assertWhole(part.replace(/--[a-z-]+( acme\.example\.com)?/g, ''), 'consent line');
    }
  });

  it('rotation questions and refusals through a real session against the sandbox', async () => {
    const stateDir = fs.mkdtempSync(path.join(locale.dir, 'state-'));
    const port = recordingPort(stateDir, false);
    const host = new SessionHost(port);
    const session = host.session({ id: 'acme', baseUrl: sb.url, pair: sb.credentials.organization });

    // A member action, cancelled at its question: the question reaches the edge translated.
    const outcome = await session.perform({ kind: 'projectRole.set', projectId: 'proj-production-chatbot', userId: 'user-developer', to: 'VIEWER' });
    assert.equal(outcome.status, 'cancelled');
    assertWhole(port.asked[0].message, 'the question put to the edge');
    assert.equal(port.asked[0].button, pseudo('Set Project Role'));

    // Nothing to resume, and no such rotation.
    const none = host.findRotation(undefined);
    assert.ok('none' in none);
    assertWhole(none.none, 'nothing to resume');
    const missing = host.findRotation('rot-20261207-101500-a1b2c3');
    assert.ok('none' in missing);
    assertWhole(missing.none.replace('"langfuse-access rotate --list"', ''), 'no such rotation');

    // A manual rotation's session: the abort question, the checklist, the revoke and foreign-host buttons.
    const rotations = await session.rotations({ manual: true });
    try {
      const journal = {
        v: 1, id: 'rot-20261207-101500-a1b2c3', tool: 'extension', mode: 'normal', status: 'active', step: 'pushed', history: [], targets: [],
        project: { id: 'p1', name: 'staging-chatbot' }, oldKey: { publicKey: PK, id: 'k1' }, newKey: { publicKey: PK, id: 'k9' },
      } as unknown as RotationJournal;
      assert.equal(await rotations.abort(journal), undefined);
      const abort = port.asked.at(-1)!;
      assert.equal(abort.id, 'rotation-abort');
      assertWhole(abort.message, 'abort question');
      assertWhole(abort.button, 'abort button');
      const callbacks = (rotations as unknown as { callbacks(): Required<Pick<import('../../../src/core/rotation/types').RotationCallbacks, 'confirmChecklist' | 'confirmRevoke' | 'confirmForeignHost'>> }).callbacks();
      await callbacks.confirmChecklist({ oldPublicKey: PK, newPublicKey: PK, project: 'staging-chatbot', items: ['redeploy worker'] } as never);
      await callbacks.confirmRevoke({ oldPublicKey: PK, project: 'staging-chatbot', mode: 'compromised', question: pseudo('q'), warning: pseudo('w') } as never);
      await callbacks.confirmRevoke({ oldPublicKey: PK, project: 'staging-chatbot', mode: 'manual', question: pseudo('q') } as never);
      await callbacks.confirmForeignHost({ question: pseudo('q'), foreignHosts: [{ host: 'acme.example.com' }] } as never);
      const [checklist, revoke, manual, foreign] = port.asked.slice(-4);
      assertWhole(checklist.message.split('\n')[0] + checklist.message.split('\n').slice(-1)[0].replace('  - redeploy worker', ''), 'checklist question');
      assertWhole(checklist.button, 'checklist button');
      assertWhole(revoke.button, 'revoke button');
      assertWhole(revoke.detail!, 'revoke warning');
      assertWhole(manual.button, 'manual revoke button');
      assertWhole(foreign.button, 'foreign host button');
      // Without an admin client only manual mode can run: said in a translated sentence.
      await assert.rejects(rotations.start({ mode: 'create', note: 'worker', project: { name: 'staging-chatbot' }, targets: [], connection: { id: 'acme', baseUrl: sb.url } } as never),
        (err: Error) => (assertWhole(err.message, 'no admin client'), true));
    } finally {
      rotations.close();
      host.close();
    }
  });

  it('the Access view\'s message rows and the project choices', async () => {
    const projectKeyModel = { overview: async () => ({ capabilities: { keyKind: 'project', project: { id: 'p1', name: 'staging-chatbot' } } }) } as unknown as OrganizationModel;
    const gated = { overview: async () => ({ capabilities: { keyKind: 'organization' } }) } as unknown as OrganizationModel;
    const rows = [
      ...await childrenOf({ kind: 'connection', connectionId: 'c' }, projectKeyModel),
      ...await childrenOf({ kind: 'connection', connectionId: 'c' }, gated),
      ...await childrenOf({ kind: 'project', connectionId: 'c', project: { id: 'p1', name: 'staging-chatbot' }, readOnly: true }, gated),
      errorNode({ kind: 'connection', connectionId: 'c' }, new UnauthorizedError('401')).row,
      errorNode({ kind: 'connection', connectionId: 'c' }, new Error('boom')).row,
    ].filter(r => r.kind === 'message');
    assert.equal(rows.length, 5);
    for (const row of rows) {
      if (row.kind !== 'message') continue;
      assertWhole(row.label, 'message row label');
      if (row.detail && row.detail !== '401' && row.detail !== 'boom') assertWhole(row.detail, 'message row detail');
    }
    const nowhere = { allowed: false, reason: pseudo('Permission denied.') };
    const refusedThere = (role: string | undefined) => ({ role, setRole: nowhere, createKey: nowhere, revokeKey: nowhere, rotateKey: nowhere });
    const permissions = { projects: { p1: refusedThere('NONE'), p2: refusedThere(undefined) } } as unknown as Permissions;
    for (const need of ['setRole', 'createKey', 'revokeKey', 'rotateKey'] as const) {
      const { items, refusal } = projectChoices([{ id: 'p1', name: 'staging-chatbot' }, { id: 'p2', name: 'analytics' }], permissions, need);
      for (const item of items) assertWhole(item.description, 'project choice description');
      assert.ok(refusal && refusal.startsWith('[') && refusal.endsWith(pseudo('Permission denied.')), refusal);
      assertWhole(refusal.slice(0, -pseudo('Permission denied.').length - 1), 'nowhere refusal');
    }
  });

  it('access as code: Restricted Mode per step, live state, file, plan and foreign-host problems', async () => {
    for (const step of ['plan', 'apply', 'export'] as const) assertWhole(new UntrustedWorkspaceError(step).message.replace(/\(Manage Workspace Trust\)/, ''), `untrusted ${step}`);
    const failing = (err: Error) => ({ projects: { list: async () => { throw err; } }, organizationMemberships: { list: async () => [] }, organizationApiKeys: { list: async () => [] } }) as unknown as LangfuseClient;
    for (const err of [new WrongKeyKindError('organization', 'x'), new PlanGateError('admin-api', 'x')]) {
      await assert.rejects(readLiveOrganization(failing(err)), (e: Error) => (assertWhole(e.message, 'live state'), true));
    }
    assert.throws(() => parsePlan('not json', 'plan.json'), (e: Error) => (assertWhole(e.message.replace(/"[^"]*"/, ''), 'plan file'), true));
    assert.throws(() => writeExportedYaml('a: [', { organization: { members: [], skipped: [] }, organizationKeys: [], projects: {} } as never, { connection: undefined, host: 'h', date: '2026-01-01' }),
      (e: Error) => (assertWhole(e.message.replace(/\(.*\)\.\]$/, '.]'), 'YAML error'), true));
    const root = fs.mkdtempSync(path.join(locale.dir, 'ws-'));
    assert.throws(() => accessFilePath(root, undefined), (e: Error) => (assertWhole(e.message.replace(root, '').replace(/"langfuse-access export"|--file|\.langfuse\/access\.yaml/g, ''), 'no access file'), true));
    assert.throws(() => loadAccessWorkspace(path.join(root, 'missing.yaml'), { stores: {}, defaultMaxAgeDays: 90 } as never),
      (e: Error) => (assertWhole(e.message.replace(path.join(root, 'missing.yaml'), ''), 'missing file'), true));
    const env = path.join(root, '.env');
    fs.writeFileSync(env, 'LANGFUSE_BASE_URL=https://acme.example.com\n');
    assertWhole(foreignHostProblem(env, 'https://cloud.langfuse.com')!.replace(env, '').replace('LANGFUSE_BASE_URL', ''), 'foreign host');
  });
});
