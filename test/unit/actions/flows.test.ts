// Issue 14 items 4, 7 and 12 in core: the Access view's actions refuse before asking anything where
// the acting identity may not act, end with a confirmation naming what changed, and "Go Back" from
// discarding a new secret returns to it. Against the sandbox's acme world, through a real session.
import * as assert from 'node:assert/strict';
import { addMemberFlow, createApiKeyFlow, setProjectRoleFlow, type ActionUi, type FlowContext } from '../../../src/core/actions';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { learnOrganizationName } from '../../../src/core/org/organizationName';
import { SessionHost } from '../../../src/core/session';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { edgeRun, type EdgeRun } from '../session/support/edges';

type Said = { kind: string; text: string };

function scriptedUi(said: Said[], answers: unknown[]): ActionUi {
  const next = (kind: string, text: string) => { said.push({ kind, text }); if (!answers.length) throw new Error(`unexpected ${kind}: ${text}`); return answers.shift(); };
  return {
    pick: async (items, o) => { const want = next('pick', o.title); return want === undefined ? undefined : items.find(i => i.label === want); },
    input: async o => next('input', o.title) as string | undefined,
    choose: async (m, buttons) => { const c = next('choose', m) as string | undefined; assert.ok(c === undefined || buttons.includes(c as never)); return c as never; },
    refuse: async m => { said.push({ kind: 'refuse', text: m }); },
    notify: m => { said.push({ kind: 'notify', text: m }); },
    done: m => { said.push({ kind: 'done', text: m }); },
    transient: (m, subject) => { said.push({ kind: 'transient', text: `${subject}: ${m}` }); },
    withdraw: subject => { said.push({ kind: 'withdraw', text: subject }); },
  };
}

describe('core action flows', () => {
  let sb: SandboxHandle;
  let run: EdgeRun;
  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); await closeAllHostGates(); });
  afterEach(() => run?.dispose());

  function context(actingAs: string, said: Said[], answers: unknown[]): FlowContext {
    run = edgeRun('extension', actingAs);
    const session = new SessionHost(run.port).session({ id: 'acme', baseUrl: sb.url, pair: sb.credentials.organization });
    return { session, ui: scriptedUi(said, answers), connectionId: 'acme', changed: () => undefined };
  }

  it('refuses before asking anything, and records the refusal like the session\'s own', async () => {
    const said: Said[] = [];
    assert.equal(await addMemberFlow(context('developer@acme.com', said, [])), false);
    assert.deepEqual(run.refusals.length, 1);
    assert.match(run.refusals[0], /developer@acme\.com is MEMBER in the organization/);
    const entry = run.audit().at(-1)!;
    assert.deepEqual([entry.action, entry.outcome, entry.details.stage], ['member.add', 'refused', 'before input']);
    assert.deepEqual(said, [], 'nothing was asked');
  });

  it('ends a change with a confirmation naming what changed', async () => {
    const said: Said[] = [];
    const ctx = context('engineering-lead@acme.com', said, ['VIEWER']);
    const member = (await ctx.session.model.overview()).members!.find(m => m.userId === 'user-developer')!;
    const node = { kind: 'projectMember' as const, connectionId: 'acme', project: { id: 'proj-production-chatbot', name: 'production-chatbot' }, member, orgRole: member.role, override: undefined, effective: member.role };
    assert.equal(await setProjectRoleFlow(ctx, node), true);
    assert.deepEqual(said.filter(s => s.kind === 'done').map(s => s.text), ['developer@acme.com is now VIEWER of production-chatbot (project role; was inherited MEMBER).']);
  });

  it('"Go Back" from discarding a new key\'s secret returns to the secret; keeping it says so, and the clipboard note names the key', async () => {
    const said: Said[] = [];
    const ctx = context('engineering-lead@acme.com', said, ['worker-production', undefined, 'Copy Secret Key']);
    const confirm = run.port.prompter.confirm;
    const asked: string[] = [];
    run.port.prompter.confirm = async c => { asked.push(`${c.id}: [${c.button}] [${c.cancel ?? 'Cancel'}]`); return c.id === 'discard-secret' ? false : confirm(c); };
    const copied: string[] = [];
    const publicKey = await createApiKeyFlow(ctx, { id: 'proj-production-chatbot', name: 'production-chatbot' }, {
      noteConvention: '{service}-{environment}', handover: { copy: async s => { copied.push(s); }, store: async () => undefined, forget: async () => undefined },
    });
    assert.ok(publicKey && sb.store.keyByPublic(publicKey), 'created and not revoked');
    assert.deepEqual(asked.map(a => a.split(':')[0]), ['change', 'discard-secret']);
    assert.ok(asked.includes('discard-secret: [Discard and Revoke the Key] [Go Back to the Secret]'), asked.join(' | '));
    assert.equal(said.filter(s => s.kind === 'choose').length, 2, 'the secret was offered again');
    assert.equal(copied.length, 1);
    assert.match(said.find(s => s.kind === 'done')!.text, /^Created the API key pk-lf-.{4}….{4} "worker-production" in production-chatbot\.$/);
    assert.match(said.find(s => s.kind === 'transient')!.text, new RegExp(`^${publicKey}: The secret key of pk-lf-.{4}….{4} is on the clipboard`));
  });

  it('a key created for the .env quick fix is stored: "copy only" is not offered, since the fix fills the file from SecretStorage', async () => {
    const said: Said[] = [];
    const ctx = context('engineering-lead@acme.com', said, ['worker-production', 'Copy Secret Key']);
    const stored: string[] = [];
    await assert.rejects(createApiKeyFlow(ctx, { id: 'proj-production-chatbot', name: 'production-chatbot' }, {
      noteConvention: '{service}-{environment}', storeRequired: true,
      handover: { copy: async () => undefined, store: async c => { stored.push(c.publicKey); }, forget: async () => undefined },
    }), /AssertionError/, 'the copy-only button is not among the choices');
    const ctx2 = context('engineering-lead@acme.com', said, ['worker-production', 'Store in SecretStorage']);
    const publicKey = await createApiKeyFlow(ctx2, { id: 'proj-production-chatbot', name: 'production-chatbot' }, {
      noteConvention: '{service}-{environment}', storeRequired: true,
      handover: { copy: async () => undefined, store: async c => { stored.push(c.publicKey); }, forget: async () => undefined },
    });
    assert.deepEqual(stored, [publicKey]);
    assert.match(said.filter(s => s.kind === 'done').at(-1)!.text, /Its secret is stored in SecretStorage\.$/);
  });

  it('learns the organization\'s name from a project key of one of its projects, and from nothing else', async () => {
    run = edgeRun('cli', undefined);
    const client = (pair: { publicKey: string; secretKey: string }) => new SessionHost(run.port).clients.client(sb.url, pair).whoAmI();
    const staging = sb.credentials.projects['staging-chatbot'];
    const pair = { publicKey: staging.publicKey, secretKey: staging.secretKey };
    assert.deepEqual(await learnOrganizationName(['proj-staging-chatbot'], [{ projectId: 'proj-staging-chatbot', pair }], client), { id: 'org-acme', name: 'Acme Corp' });
    assert.equal(await learnOrganizationName(['proj-other'], [{ projectId: 'proj-staging-chatbot', pair }], client), undefined, 'a key of another organization\'s project is not asked');
    assert.equal(await learnOrganizationName(['proj-production-chatbot'], [{ projectId: 'proj-production-chatbot', pair }], client), undefined, 'a key that answers for another project proves nothing');
  });
});
