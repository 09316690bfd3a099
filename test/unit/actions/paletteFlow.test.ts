// Issue 20 item 5 in core: an Access view action run from the palette asks every question as one
// multi-step flow — the action's title, step n/N, Back to the previous question with the earlier
// choice pre-selected, Escape abandoning it — and stops with the refusal before asking where the
// identity may not act. Against the sandbox's acme world, through a real session; the driver is scripted.
import * as assert from 'node:assert/strict';
import { askFromPalette, paletteQuestions, type ActionUi, type PaletteHost } from '../../../src/core/actions';
import type { LoadingPickOptions, PickOptions, StepDriver, StepItem, TextOptions } from '../../../src/core/flow/driver';
import { FlowAction, runFlow } from '../../../src/core/flow/steps';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { SessionHost } from '../../../src/core/session';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { edgeRun, type EdgeRun } from '../session/support/edges';

type Answer = { pick: string } | { text: string } | 'back' | 'cancel';

/** Answers in order; records each step as "n/N title · placeholder [active] rows". */
class ScriptedDriver implements StepDriver {
  readonly shown: string[] = [];
  constructor(private readonly answers: Answer[]) {}
  private next(): Exclude<Answer, string> {
    const a = this.answers.shift();
    if (a === undefined) throw new Error(`unexpected step after ${this.shown.at(-1)}`);
    if (a === 'back') throw FlowAction.back;
    if (a === 'cancel') throw FlowAction.cancel;
    return a;
  }
  async pick<T extends StepItem>(o: PickOptions<T>): Promise<T> {
    this.shown.push(`${o.step}/${o.totalSteps} ${o.title} · ${o.placeholder} [${o.activeItem?.label ?? ''}] ${o.items.map(i => i.label).join(' | ')}`);
    const a = this.next();
    if (!('pick' in a)) throw new Error(`expected a pick answer, got ${JSON.stringify(a)}`);
    const found = o.items.find(i => i.label === a.pick);
    if (!found) throw new Error(`no row ${a.pick} in ${o.items.map(i => i.label).join(' | ')}`);
    return found;
  }
  async pickMany<T extends StepItem>(): Promise<T[]> { throw new Error('not asked here'); }
  async text(o: TextOptions): Promise<string> {
    this.shown.push(`${o.step}/${o.totalSteps} ${o.title} · text`);
    const a = this.next();
    if (!('text' in a)) throw new Error(`expected a text answer, got ${JSON.stringify(a)}`);
    const problem = await o.validate?.(a.text);
    if (problem) throw new Error(problem);
    return a.text;
  }
}

const silentUi = (said: string[]): ActionUi => ({
  pick: async () => undefined, input: async () => undefined, choose: async () => undefined,
  refuse: async m => { said.push(`refuse: ${m}`); }, notify: m => { said.push(`notify: ${m}`); }, done: m => { said.push(`done: ${m}`); },
  transient: () => undefined, withdraw: () => undefined,
});

describe('palette flows (core)', () => {
  let sb: SandboxHandle;
  let run: EdgeRun;
  before(async () => { sb = await startSandbox(); });
  after(async () => { await sb.close(); await closeAllHostGates(); });
  afterEach(() => run?.dispose());

  function host(actingAs: string, driver: StepDriver, said: string[], connections = ['acme']): PaletteHost {
    run = edgeRun('extension', actingAs);
    const sessions = new SessionHost(run.port);
    return {
      connections: connections.map(id => ({ id, name: `Acme (${id})`, baseUrl: sb.url })),
      contextOf: async id => ({ session: sessions.session({ id, baseUrl: sb.url, pair: sb.credentials.organization }), ui: silentUi(said), connectionId: id, changed: () => undefined }),
      run: (first, state) => runFlow(first, state, driver),
      noteConvention: '{service}-{environment}',
    };
  }

  it('describes each action\'s questions, the connection first only when there is a choice', () => {
    const asks = (goal: Parameters<typeof paletteQuestions>[0], n: number) => paletteQuestions(goal, n).map(q => q.ask).join(' → ');
    assert.equal(asks('setProjectRole', 1), 'project → projectMember → projectRole');
    assert.equal(asks('setProjectRole', 2), 'connection → project → projectMember → projectRole');
    assert.equal(asks('revokeApiKey', 1), 'project → projectKey');
    assert.equal(asks('changeOrgRole', 1), 'orgMember → orgRole');
    assert.equal(asks('createApiKey', 3), 'connection → project → keyNote');
    assert.equal(asks('addMember', 1), 'email → newMemberRole');
    assert.deepEqual(paletteQuestions('revokeApiKey', 1)[0], { ask: 'project', need: 'revokeKey' }, 'projects are listed by whether the key may be revoked there');
  });

  it('numbers every step, and Back returns to the previous question with the earlier choice pre-selected', async () => {
    const said: string[] = [];
    const driver = new ScriptedDriver([
      { pick: 'Acme (b)' }, { pick: 'production-chatbot' }, 'back', 'back', { pick: 'Acme (b)' }, { pick: 'production-chatbot' },
      { pick: 'Dana Developer' }, 'back', { pick: 'Dana Developer' }, { pick: 'VIEWER' },
    ]);
    const answers = await askFromPalette('setProjectRole', host('engineering-lead@acme.com', driver, said, ['a', 'b']));
    assert.deepEqual(driver.shown.map(s => s.split(' ·')[0].split(' ')[0]), ['1/4', '2/4', '3/4', '2/4', '1/4', '2/4', '3/4', '4/4', '3/4', '4/4']);
    assert.ok(driver.shown.every(s => s.includes(' Set Project Role · ')), 'every step carries the action\'s title');
    assert.match(driver.shown[3], /^2\/4 .*· Which project\? \[production-chatbot\] /, 'Back keeps the project chosen');
    assert.match(driver.shown[4], /^1\/4 .*· Which connection\? \[Acme \(b\)\] Acme \(a\) \| Acme \(b\)$/, 'and the connection');
    assert.match(driver.shown[6], /^3\/4 .*· Which member of production-chatbot\? \[\] /);
    assert.match(driver.shown[7], /^4\/4 .*· Role of developer@acme\.com in production-chatbot \[MEMBER\] OWNER \| ADMIN \| MEMBER \| VIEWER \| NONE — no access to production-chatbot$/, 'the inherited role is pre-selected');
    assert.match(driver.shown[8], /^3\/4 .*\[Dana Developer\] /, 'Back from the role keeps the member');
    assert.equal(answers?.ctx.connectionId, 'b');
    assert.deepEqual([answers?.project?.name, answers?.projectMember?.member.email, answers?.role], ['production-chatbot', 'developer@acme.com', 'VIEWER']);
    assert.deepEqual(said, []);
    assert.deepEqual(run.audit(), [], 'asking changes nothing');
  });

  it('Escape abandons the flow: no answers, nothing said, nothing changed', async () => {
    const said: string[] = [];
    const driver = new ScriptedDriver([{ pick: 'production-chatbot' }, 'cancel']);
    assert.equal(await askFromPalette('revokeApiKey', host('engineering-lead@acme.com', driver, said)), undefined);
    assert.deepEqual(driver.shown.map(s => s.split(' ·')[0]), ['1/2 Revoke API Key', '2/2 Revoke API Key']);
    assert.deepEqual([said, run.audit()], [[], []]);
  });

  it('refuses before asking anything where the identity may act nowhere, and records it like the session', async () => {
    const said: string[] = [];
    const driver = new ScriptedDriver([]);
    assert.equal(await askFromPalette('addMember', host('developer@acme.com', driver, said)), undefined);
    assert.deepEqual(driver.shown, [], 'nothing was asked');
    assert.deepEqual(said, []);
    assert.match(run.refusals.join('\n'), /developer@acme\.com is MEMBER in the organization/);
    const entry = run.audit().at(-1)!;
    assert.deepEqual([entry.action, entry.outcome, entry.details.stage], ['member.add', 'refused', 'before input']);
  });

  it('a project the identity may not act in is listed as such and refused when picked, before the next question', async () => {
    const said: string[] = [];
    const driver = new ScriptedDriver([{ pick: 'staging-chatbot' }]);
    assert.equal(await askFromPalette('createApiKey', host('engineering-lead@acme.com', driver, said)), undefined);
    assert.match(driver.shown[0], /^1\/2 Create API Key · Which project\? \[\] production-chatbot \| .*staging-chatbot/);
    assert.equal(said.length, 1);
    assert.match(said[0], /^refuse: .*engineering-lead@acme\.com is NONE in staging-chatbot/);
  });

  it('a busy picker\'s load stops when the user leaves before it answered', async () => {
    let aborted: unknown;
    const driver = new ScriptedDriver([]);
    // What the real QuickInput does on Escape while busy: abort the load's signal, then cancel the flow.
    Object.assign(driver, {
      pickLoading: async <T extends StepItem>(o: LoadingPickOptions<T>): Promise<T> => {
        const controller = new AbortController();
        const loading = o.load(controller.signal);
        controller.abort();
        aborted = await loading.then(() => 'answered', err => (err as Error).name);
        throw FlowAction.cancel;
      },
    });
    assert.equal(await askFromPalette('copyPublicKey', host('engineering-lead@acme.com', driver, [])), undefined);
    assert.equal(aborted, 'AbortError', 'the organization overview request was aborted, not awaited');
  });
});
