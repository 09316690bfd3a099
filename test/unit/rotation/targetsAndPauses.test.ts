// Targets checked before anything is created, a paused rotation's targets edited, the step a pause
// names, and the session's refusals a user must see (Restricted Mode, abort past the revoke).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { discoverTargets, RotationStateError, RotationTargetError, resumeOffer, waitingAt, type RotationPlan } from '../../../src/core/rotation';
import { SessionHost } from '../../../src/core/session';
import { startSandbox } from '../../../src/sandbox';
import { edgeRun } from '../session/support/edges';
import { envValues, OLD, PROJECT, STAGING, startHarness, type Harness } from './support/harness';

function plan(h: Harness, targets: string[]): RotationPlan {
  return { mode: 'normal', connection: { baseUrl: h.sandbox.url }, project: { name: PROJECT.name }, oldPublicKey: OLD.publicKey, targets, workspaceTrusted: true };
}

describe('rotation targets: checked before the key exists, editable while paused', () => {
  let h: Harness;
  afterEach(async () => { await h?.close(); await closeAllHostGates(); });

  it('a target holding another key and one in a missing folder are both named, and nothing is created, written or journaled', async () => {
    h = await startHarness();
    const good = h.envFile('app/.env');
    const staging = h.envFile('.env.staging', STAGING);
    const missing = path.join(h.workspace, 'no-such-folder', '.env');
    const before = fs.readFileSync(good, 'utf8');
    const engine = h.engine();
    await assert.rejects(engine.start(plan(h, [`env:${good}`, `env:${staging}`, `env:${missing}`]), h.callbacks()), (e: Error) => {
      assert.ok(e instanceof RotationTargetError);
      assert.equal(e.problems.length, 2);
      assert.match(e.message, /^Nothing was created: 2 targets cannot take the new key pair\./);
      assert.match(e.message, /\.env\.staging holds another key, pk-lf-c2000000-0000-4000-8000-000000000001, not the key being rotated \(pk-lf-b1000000/);
      assert.match(e.message, /no-such-folder\/\.env cannot be written: the folder .* does not exist\./);
      return true;
    });
    assert.deepEqual(h.keysOfProject(), [OLD.publicKey], 'no key created');
    assert.deepEqual(engine.list().journals, [], 'no journal');
    assert.equal(fs.readFileSync(good, 'utf8'), before);
  });

  it('a paused rotation swaps a target: the removed one gets its old pair back, the added one the new pair, and it completes', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const b = h.envFile('worker/.env');
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`]), h.callbacks());
    const paused = await engine.run(id, h.callbacks({ confirmChecklist: async () => false }));
    assert.equal(paused.outcome, 'waiting');
    assert.equal(paused.journal.step, 'verified');
    assert.equal(waitingAt(paused.journal).title, 'Evidence that the old key is out of use', 'the pause names the step it waits at, not the last one done');
    const newKey = paused.journal.newKey!.publicKey;
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, newKey);

    const other = h.envFile('other/.env', STAGING);
    await assert.rejects(engine.editTargets(id, [`env:${a}`, `env:${other}`], h.callbacks()), RotationTargetError);
    assert.deepEqual(engine.load(id).targets.map(t => t.target), [`env:${a}`], 'a refused edit changes nothing');

    const edited = await engine.editTargets(id, [`env:${b}`], h.callbacks());
    assert.deepEqual(edited.targets.map(t => t.target), [`env:${b}`]);
    assert.equal(edited.step, 'pushing', 'back to the push for the new target');
    assert.deepEqual(envValues(a), { LANGFUSE_PUBLIC_KEY: OLD.publicKey, LANGFUSE_SECRET_KEY: OLD.secretKey, LANGFUSE_BASE_URL: h.sandbox.url, OTHER: '1' }, 'the removed target holds the old pair again');
    assert.ok(h.audit.some(l => l.includes('"rotation.targets"') && l.includes('worker/.env')), 'the edit is audited');

    const done = await engine.run(id, h.callbacks());
    assert.equal(done.outcome, 'completed');
    assert.equal(envValues(b).LANGFUSE_PUBLIC_KEY, newKey);
    assert.deepEqual(h.keysOfProject(), [newKey]);
    await assert.rejects(engine.editTargets(id, [`env:${a}`]), /already completed/);
  });

  it('past the revoke the targets can no longer change', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const engine = h.engine({ checkpoint: name => { if (name === 'journal:revoked') throw new Error('stop here'); } });
    const { id } = await engine.start(plan(h, [`env:${a}`]), h.callbacks());
    await assert.rejects(engine.run(id, h.callbacks()), /stop here/);
    const b = h.envFile('worker/.env');
    await assert.rejects(engine.editTargets(id, [`env:${b}`]), (e: Error) => e instanceof RotationStateError && /past the point of no return.*its targets can no longer change/.test(e.message));
    assert.equal(resumeOffer(engine.load(id)).canAbort, false);
  });

  describe('the workspace access file as a target', () => {
    const ACCESS = fs.readFileSync(path.join(__dirname, '../../fixtures/workspace-acme/.langfuse/access.yaml'), 'utf8');
    function accessFile(h: Harness): string {
      const file = path.join(h.workspace, '.langfuse', 'access.yaml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, ACCESS);
      return file;
    }

    it('is discovered with its environment, and a normal rotation with it completes without pausing on the access file', async () => {
      h = await startHarness();
      const env = h.envFile('app/.env');
      const access = accessFile(h);
      const targets = discoverTargets([h.workspace], OLD.publicKey);
      assert.deepEqual(targets, [`env:${env}`, `access:${access}#production`]);
      const engine = h.engine();
      const { id } = await engine.start({ ...plan(h, targets), scanPaths: [h.workspace] }, h.callbacks());
      const done = await engine.run(id, h.callbacks());
      assert.equal(done.outcome, 'completed', JSON.stringify(done.journal.waiting));
      const newKey = done.journal.newKey!.publicKey;
      assert.equal(fs.readFileSync(access, 'utf8'), ACCESS.replace(OLD.publicKey, newKey), 'only the production entry changed');
      assert.deepEqual(done.journal.evidence?.references, [], 'nothing in the workspace names the old key');
      assert.deepEqual(h.keysOfProject(), [newKey]);
    });

    it('without it the same rotation pauses on the access file; added while paused, the rotation goes on; an abort restores it byte for byte', async () => {
      h = await startHarness();
      const env = h.envFile('app/.env');
      const access = accessFile(h);
      const engine = h.engine();
      const { id } = await engine.start({ ...plan(h, [`env:${env}`]), scanPaths: [h.workspace] }, h.callbacks());
      const paused = await engine.run(id, h.callbacks());
      assert.equal(paused.outcome, 'waiting');
      assert.equal(paused.journal.waiting?.reason, 'references');
      assert.match(paused.journal.waiting!.message, /\.langfuse\/access\.yaml:10\./);

      await engine.editTargets(id, [`env:${env}`, `access:${access}#production`], h.callbacks());
      const pausedAgain = await engine.run(id, h.callbacks({ confirmChecklist: async () => false }));
      assert.equal(pausedAgain.journal.waiting?.reason, 'checklist', 'the access file no longer holds the rotation up');
      assert.ok(fs.readFileSync(access, 'utf8').includes(pausedAgain.journal.newKey!.publicKey));

      const aborted = await engine.abort(id, h.callbacks());
      assert.equal(aborted.outcome, 'rolledBack');
      assert.equal(fs.readFileSync(access, 'utf8'), ACCESS, 'the access file is back, byte for byte');
      assert.equal(envValues(env).LANGFUSE_PUBLIC_KEY, OLD.publicKey);
      assert.deepEqual(h.keysOfProject(), [OLD.publicKey]);
    });
  });
});

describe('rotation refusals the session shows (both edges)', () => {
  afterEach(() => closeAllHostGates());

  it('Restricted Mode: the rotation is refused with the reason before any request; the CLI has no Restricted Mode', async () => {
    const sb = await startSandbox();
    const run = edgeRun('extension', 'engineering-lead@acme.com');
    try {
      run.port.workspaceTrusted = () => false;
      const session = new SessionHost(run.port).session({ id: 'acme', name: 'Acme Corp', baseUrl: sb.url, pair: sb.credentials.organization });
      const rotations = await session.rotations();
      const requests = sb.stats.requests;
      const started = await rotations.start({
        mode: 'normal', connection: { id: 'acme', baseUrl: sb.url }, project: { name: 'production-chatbot' }, oldPublicKey: OLD.publicKey, targets: ['secretstorage'], workspaceTrusted: false,
      });
      rotations.close();
      assert.equal(started.status, 'unusable');
      assert.deepEqual(run.confirmations, [], 'nothing asked');
      assert.match(run.refusals[0], /^Key rotation is not available in Restricted Mode: this workspace is not trusted/);
      assert.equal(sb.stats.requests, requests, 'no request: refused before reading the live organization');
      const entry = run.audit().find(e => e.action === 'rotation.start');
      assert.equal(entry?.outcome, 'refused');
      assert.equal(entry?.details?.rule, 'restricted-mode');
      assert.deepEqual([...sb.store.apiKeys.values()].filter(k => k.projectId === 'proj-production-chatbot').map(k => k.publicKey), [OLD.publicKey]);
    } finally {
      run.dispose();
      await sb.close();
    }
  });

  it('abort past the revoke shows the refusal (what resuming still does) without asking to roll back', async () => {
    const h = await startHarness();
    const run = edgeRun('extension', 'engineering-lead@acme.com');
    try {
      const session = new SessionHost(run.port).session({ id: 'acme', name: 'Acme Corp', baseUrl: h.sandbox.url, pair: h.sandbox.credentials.organization });
      const rotations = await session.rotations();
      const target = h.envFile('app/.env');
      const started = await rotations.start({ ...plan(h, [`env:${target}`]), mode: 'compromised' });
      assert.equal(started.status, 'started');
      const id = started.status === 'started' ? started.journal.id : '';
      let stop = false;
      (rotations.engine as unknown as { deps: { checkpoint?: (n: string) => void } }).deps.checkpoint = n => { if (!stop && n === 'journal:revoked') { stop = true; throw new Error('killed'); } };
      await assert.rejects(rotations.run(id), /killed/);
      run.confirmations.length = 0;
      const result = await rotations.abort(rotations.engine.load(id));
      rotations.close();
      assert.equal(result, undefined);
      assert.deepEqual(run.confirmations, [], 'no "Abort and Roll Back" question');
      assert.match(run.refusals.at(-1)!, /past the point of no return: the revoke of the old key .* started .* Finish it instead: the command "Langfuse Access: Resume Key Rotation" in VS Code will /);
    } finally {
      run.dispose();
      await h.close();
    }
  });
});
