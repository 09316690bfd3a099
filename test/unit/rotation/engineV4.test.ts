// The rotation engine on what real users run (Langfuse 4.x) and on the old 3.x behaviour: the trace
// probe chosen by server version and never blocking, steps after the revoke retried and never rolled
// back, Restricted Mode, and .env targets that point their SDK at a foreign host. Sandbox over real
// HTTP, real files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse';
import {
  formatRotationReport, RotationForeignHostError, RotationInputError, rotationReport, RotationStateError, resumeOffer, type ForeignHostRequest,
} from '../../../src/core/rotation';
import { createSink } from '../../../src/core/secrets';
import { envValues, OLD, PROJECT, startHarness, type Harness } from './support/harness';

const plan = (h: Harness, targets: string[], extra: Record<string, unknown> = {}) => ({
  mode: 'normal' as const,
  connection: { id: 'acme', name: 'Acme', baseUrl: h.sandbox.url },
  project: { name: PROJECT.name },
  oldPublicKey: OLD.publicKey,
  targets,
  scanPaths: [h.workspace],
  workspaceTrusted: true,
  probeTraces: true,
  ...extra,
});

const span = (id: string, startTime = new Date().toISOString()) => ({ id, traceId: `t-${id}`, projectId: PROJECT.id, type: 'SPAN', name: id, startTime, endTime: startTime, parentObservationId: null, environment: 'default' });

describe('rotation engine on Langfuse 4.x and 3.x', function () {
  this.timeout(20000);
  let h: Harness;
  afterEach(async () => { await h?.close(); await closeAllHostGates(); });

  it('4.16.0: the probe reads v2 observations with the new key; 3.x: the v3 trace list', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`]), h.callbacks());
    await engine.run(id, h.callbacks({ confirmChecklist: async () => false }));
    h.sandbox.store.observations.push(span('after-cutover'));
    const done = await engine.run(id, h.callbacks());
    assert.equal(done.outcome, 'completed');
    assert.deepEqual({ ...done.journal.evidence!.probe, at: undefined, since: undefined }, { at: undefined, since: undefined, source: 'v2-observations', items: 1, more: false, serverVersion: '4.16.0' });
    assert.ok(h.events.some(e => e.kind === 'note' && /^Observations are arriving: 1 observation\(s\)/.test(e.message)));

    await h.close();
    h = await startHarness({ serverVersion: '3.112.0' });
    const b = h.envFile('app/.env');
    const old = h.engine();
    const started = await old.start(plan(h, [`env:${b}`]), h.callbacks());
    await old.run(started.id, h.callbacks({ confirmChecklist: async () => false }));
    await createLangfuseClient({ baseUrl: h.sandbox.url, publicKey: envValues(b).LANGFUSE_PUBLIC_KEY, secretKey: envValues(b).LANGFUSE_SECRET_KEY }).traces.create({ name: 'after-deploy' });
    const finished = await old.run(started.id, h.callbacks());
    assert.equal(finished.outcome, 'completed');
    assert.equal(finished.journal.evidence!.probe!.source, 'v3-traces');
    assert.equal(finished.journal.evidence!.probe!.items, 1);
  });

  for (const serverVersion of ['4.16.0', '3.112.0']) {
    for (const mode of ['normal', 'compromised'] as const) {
      it(`${mode} mode with the probe completes on Langfuse ${serverVersion}: old pair 401, new pair works, probe read from the endpoint that version serves`, async () => {
        h = await startHarness({ serverVersion });
        const a = h.envFile('app/.env');
        const engine = h.engine();
        const { id } = await engine.start(plan(h, [`env:${a}`], { mode, scanPaths: [] }), h.callbacks());
        const r = await engine.run(id, h.callbacks());
        assert.equal(r.outcome, 'completed');
        assert.equal(r.journal.recheck?.oldPair, 'unauthorized');
        assert.equal(r.journal.evidence?.probe?.source, serverVersion.startsWith('4.') ? 'v2-observations' : 'v3-traces');
        assert.deepEqual(h.keysOfProject(), [envValues(a).LANGFUSE_PUBLIC_KEY]);
      });
    }
  }

  it('a probe that cannot answer is unavailable evidence with Langfuse\'s own words, never a failure; compromised mode completes on 4.x', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    // The version is unknown (health fails) and the v2 read fails: the probe falls back to the v3 list, which 4.x no longer serves.
    h.sandbox.setFaults([
      { kind: 'serverError', status: 503, path: '/api/public/health' },
      { kind: 'serverError', status: 503, path: '/api/public/v2/observations' },
    ]);
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`], { mode: 'compromised' }), h.callbacks());
    const r = await engine.run(id, h.callbacks({ confirmChecklist: async () => false }));
    assert.equal(r.outcome, 'completed');
    const probe = r.journal.evidence!.probe!;
    assert.equal(probe.source, undefined);
    assert.match(probe.unavailable!, /^trace probe unavailable on Langfuse \(version unknown: GET \/api\/public\/health did not say\): GET \/api\/public\/v2\/observations failed: .*503.*; GET \/api\/public\/traces is not served \(Langfuse: "This endpoint is not available on deployments running in Langfuse v4 events_only mode\. Learn more about Langfuse v4 at: https:\/\/langfuse\.com\/docs\/v4"; replacement: GET \/api\/public\/v2\/observations/);
    assert.doesNotMatch(probe.unavailable!, /deleted|refresh and try again/);
    assert.match(formatRotationReport(rotationReport(r.journal)), / {2}- Trace probe unavailable on Langfuse .*The rotation does not depend on it\./);
    assert.equal(r.journal.recheck?.oldPair, 'unauthorized');
    assert.deepEqual(h.keysOfProject().length, 1);
  });

  it('after the revoke, transient failures are retried until the rotation completes; other failures leave it resumable but never abortable', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const engine = h.engine({
      retryDelaysMs: [0, 0, 0],
      checkpoint: name => { if (name === 'journal:revoked') h.sandbox.addFaults([{ kind: 'serverError', status: 503, method: 'GET', path: '/api/public/projects', times: 2 }]); },
    });
    const { id } = await engine.start(plan(h, [`env:${a}`], { probeTraces: false }), h.callbacks());
    const r = await engine.run(id, h.callbacks());
    assert.equal(r.outcome, 'completed');
    assert.equal(h.events.filter(e => e.kind === 'note' && /rotation must finish: retrying "Re-check old and new key pairs"/.test(e.message)).length, 2);

    // A failure that is not transient (the new key vanished together with the old one) stops the run past the point of no return.
    await h.close();
    h = await startHarness();
    const b = h.envFile('worker/.env');
    const second = h.engine({ retryDelaysMs: [0] });
    const next = await second.start(plan(h, [`env:${b}`], { probeTraces: false }), h.callbacks());
    h.sandbox.store.onChange = () => {
      const keys = [...h.sandbox.store.apiKeys.values()].filter(k => k.projectId === PROJECT.id);
      if (keys.length === 1 && keys[0].publicKey !== OLD.publicKey) h.sandbox.store.apiKeys.delete(keys[0].id);
    };
    await assert.rejects(second.run(next.id, h.callbacks()), /no longer answers/);
    const stuck = second.load(next.id);
    const offer = resumeOffer(stuck);
    assert.equal(offer.canAbort, false);
    assert.equal(offer.pastPointOfNoReturn, true);
    assert.equal(offer.resumeDoes, 'check that the old pair answers 401 and the new pair works, then wipe the pending secret and write the report');
    await assert.rejects(second.abort(next.id), (e: Error) => e instanceof RotationStateError && e.message === offer.whyNoAbort && /Finish it instead: langfuse-access rotate --resume rot-/.test(e.message));
    const before = resumeOffer({ ...stuck, step: 'verified' });
    assert.equal(before.canAbort, true);
  });

  it('Restricted Mode: .env targets are refused before anything happens, and no old secret is taken from workspace files', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    // Every request authenticated with the secret from the workspace's .env is counted here.
    let sentWorkspaceSecret = 0;
    const lookup = h.sandbox.store.keyBySecret.bind(h.sandbox.store);
    h.sandbox.store.keyBySecret = secret => { if (secret === OLD.secretKey) sentWorkspaceSecret++; return lookup(secret); };
    const requestsBefore = h.sandbox.stats.requests;
    await assert.rejects(h.engine().start(plan(h, [`env:${a}`], { workspaceTrusted: false }), h.callbacks()),
      (e: Error) => e instanceof RotationInputError && /Restricted Mode \(not trusted\): the rotation neither reads a secret from its files nor writes the new key into them\. Refusing env:/.test(e.message));
    assert.equal(h.sandbox.stats.requests, requestsBefore, 'not a single request');
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, OLD.publicKey);
    // Planned in a trusted window, resumed in a Restricted one: the write is refused there too.
    const planned = h.engine();
    const early = await planned.start(plan(h, [`env:${a}`], { probeTraces: false }), h.callbacks());
    planned.close();
    const restricted = h.engine({ workspaceTrusted: () => false });
    await assert.rejects(restricted.run(early.id, h.callbacks()), /Restricted Mode/);
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, OLD.publicKey, 'not written');
    assert.equal((await restricted.abort(early.id, h.callbacks())).outcome, 'rolledBack');
    restricted.close();
    // A secret-manager target of the user's own is fine; the workspace's .env secret is never read.
    const store = new Map<string, string>();
    const storage = { get: async (k: string) => store.get(k), store: async (k: string, v: string) => { store.set(k, v); }, delete: async (k: string) => { store.delete(k); } };
    store.set('k', JSON.stringify(OLD));
    const engine = h.engine({ sinkFor: t => createSink(t, { ...h.sinkOptions, secretStorage: { storage, defaultKey: 'k' } }) });
    const { id } = await engine.start(plan(h, ['secretstorage:k'], { workspaceTrusted: false, probeTraces: false, scanPaths: [] }), h.callbacks());
    const r = await engine.run(id, h.callbacks());
    assert.equal(r.outcome, 'completed');
    assert.equal(r.journal.workspaceTrusted, false);
    assert.equal(sentWorkspaceSecret, 0, 'no request carried the workspace file\'s secret');
    assert.equal(envValues(a).LANGFUSE_SECRET_KEY, OLD.secretKey, 'the workspace file is untouched');
  });

  it('a .env target pointing at a foreign host needs a confirmation naming both hosts, at the start and again right before the write', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    fs.appendFileSync(a, 'LANGFUSE_BASEURL=https://collector.evil.example:8443\n');
    await assert.rejects(h.engine().start(plan(h, [`env:${a}`]), h.callbacks()), (e: Error) => e instanceof RotationForeignHostError
      && e.request.foreignHosts[0].host === 'collector.evil.example:8443' && new RegExp(`not at 127\\.0\\.0\\.1:${h.sandbox.port}, the host of this key's connection`).test(e.message));
    assert.deepEqual(h.keysOfProject(), [OLD.publicKey]);
    const asked: ForeignHostRequest[] = [];
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`], { probeTraces: false }), h.callbacks({ confirmForeignHost: async r => { asked.push(r); return true; } }));
    assert.match(asked[0].question, new RegExp(`points its SDK at collector\\.evil\\.example:8443, not at 127\\.0\\.0\\.1:${h.sandbox.port} where this key belongs: LANGFUSE_BASEURL=collector\\.evil\\.example:8443 \\(read by the JS/TS SDK v3`));
    // Someone adds another host after the start: the write is refused unless that one is confirmed too.
    fs.appendFileSync(a, 'NEXT_PUBLIC_LANGFUSE_BASE_URL=https://other.example\n');
    const before = fs.readFileSync(a, 'utf8');
    await assert.rejects(engine.run(id, h.callbacks({ confirmForeignHost: async () => false })), (e: Error) => e instanceof RotationForeignHostError && e.request.foreignHosts.map(x => x.host).join() === 'other.example');
    assert.equal(fs.readFileSync(a, 'utf8'), before, 'not written');
    assert.equal((await engine.abort(id, h.callbacks())).outcome, 'rolledBack', 'still before the revoke: it can be rolled back');
    assert.deepEqual(h.keysOfProject(), [OLD.publicKey]);
  });
});
