// The rotation state machine against the sandbox over real HTTP and real .env files.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { RotationBusyError, RotationStateError, RotationTargetError, STEPS, rotationLockFile, type RotationStep } from '../../../src/core/rotation';
import { assertNoSecretIn, envValues, OLD, PROJECT, STAGING, startHarness, type Harness } from './support/harness';

const plan = (h: Harness, targets: string[], extra: Record<string, unknown> = {}) => ({
  mode: 'normal' as const,
  connection: { id: 'acme', name: 'Acme', baseUrl: h.sandbox.url },
  project: { name: PROJECT.name },
  oldPublicKey: OLD.publicKey,
  targets,
  scanPaths: [h.workspace],
  workspaceTrusted: true,
  ...extra,
});

function everythingWritten(h: Harness): string {
  const files: string[] = [];
  const walk = (d: string) => { for (const n of fs.readdirSync(d)) { const p = path.join(d, n); if (fs.statSync(p).isDirectory()) walk(p); else files.push(p); } };
  walk(h.stateDir);
  return files.filter(f => !f.endsWith('.secret.json')).map(f => fs.readFileSync(f, 'utf8')).join('\n');
}

describe('rotation engine (sandbox over HTTP, real files)', function () {
  this.timeout(20000);
  let h: Harness;
  afterEach(async () => { await h?.close(); await closeAllHostGates(); });

  it('normal mode: creates, persists, pushes, verifies, gathers evidence, revokes, re-checks, and leaves no secret behind', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const b = h.envFile('worker/.env');
    const engine = h.engine();
    const started = await engine.start(plan(h, [`env:${a}`, `env:${b}`]), h.callbacks());
    const asked: string[] = [];
    const result = await engine.run(started.id, h.callbacks({ confirmRevoke: async r => { asked.push(r.question); return true; } }));
    assert.equal(result.outcome, 'completed');
    const j = result.journal;
    const newKey = j.newKey!.publicKey;
    assert.deepEqual(h.keysOfProject(), [newKey], 'old key revoked, exactly one new key');
    const created = [...h.sandbox.store.apiKeys.values()].find(k => k.publicKey === newKey)!;
    // The note is the old key's, byte for byte (the naming convention, access as code); the lineage is audited.
    assert.equal(created.note, 'chatbot-production');
    const createdEntry = JSON.parse(h.audit.find(l => l.includes('"rotation.created"'))!);
    assert.deepEqual(createdEntry.details.lineage, { from: OLD.publicKey, to: newKey, rotationId: j.id, by: 'engineering-lead@acme.com', summary: `pk-lf-b100…0001 → pk-lf-${newKey.slice(6, 10)}…${newKey.slice(-4)}` });
    assert.equal(createdEntry.details.note, 'chatbot-production');
    for (const f of [a, b]) {
      const v = envValues(f);
      assert.equal(v.LANGFUSE_PUBLIC_KEY, newKey);
      assert.equal(v.LANGFUSE_SECRET_KEY, created.secretKey);
      assert.equal(v.OTHER, '1');
    }
    assert.deepEqual(asked, [`Revoke ${OLD.publicKey} in project production-chatbot now? This cannot be undone.`]);
    assert.equal(j.recheck?.oldPair, 'unauthorized', 'the old secret came from the .env files and now answers 401');
    assert.equal(j.evidence?.checklistConfirmed, true);
    assert.deepEqual(j.history.map(x => x.step), STEPS);
    assert.equal(fs.existsSync(path.join(h.stateDir, 'rotations', `${j.id}.secret.json`)), false, 'pending secrets wiped');
    assert.equal(fs.existsSync(rotationLockFile(h.stateDir, OLD.publicKey)), false, 'lock released');
    assertNoSecretIn(everythingWritten(h) + JSON.stringify(h.events) + h.audit.join('\n'));
    assert.ok(h.audit.some(l => l.includes('"rotation.revoked"')));
  });

  it('waits (resumable) when the old key is still referenced in the workspace, then continues once it is gone', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const readme = path.join(h.workspace, 'docs', 'setup.md');
    fs.mkdirSync(path.dirname(readme), { recursive: true });
    fs.writeFileSync(readme, `Use\nLANGFUSE_PUBLIC_KEY=${OLD.publicKey}\n`);
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`]), h.callbacks());
    const first = await engine.run(id, h.callbacks());
    assert.equal(first.outcome, 'waiting');
    assert.equal(first.journal.waiting?.reason, 'references');
    assert.match(first.journal.waiting!.message, /setup\.md:2/);
    assert.ok(h.keysOfProject().includes(OLD.publicKey), 'old key not revoked');
    fs.writeFileSync(readme, 'Use the key from the secret manager.\n');
    const second = await engine.run(id, h.callbacks());
    assert.equal(second.outcome, 'completed');
    assert.equal(h.keysOfProject().includes(OLD.publicKey), false);
  });

  it('without confirmation it never revokes: the rotation waits at the revoke and can still be rolled back', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`]), h.callbacks());
    const r = await engine.run(id, h.callbacks({ confirmRevoke: async () => false }));
    assert.equal(r.outcome, 'waiting');
    assert.equal(r.journal.waiting?.reason, 'confirm-revoke');
    assert.ok(h.keysOfProject().includes(OLD.publicKey));
    const back = await engine.abort(id, h.callbacks());
    assert.equal(back.outcome, 'rolledBack');
    assert.deepEqual(h.keysOfProject(), [OLD.publicKey], 'new key deleted');
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, OLD.publicKey);
    assert.equal(envValues(a).LANGFUSE_SECRET_KEY, OLD.secretKey);
    assert.equal(fs.existsSync(path.join(h.stateDir, 'rotations', `${id}.secret.json`)), false);
  });

  it('compromised mode: revokes right after the new pair is stored and answers, warns first, then gathers evidence', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`], { mode: 'compromised' }), h.callbacks());
    let warning: string | undefined;
    let checklistAskedAfterRevoke = false;
    const r = await engine.run(id, h.callbacks({
      confirmRevoke: async req => { warning = req.warning; return true; },
      confirmChecklist: async () => { checklistAskedAfterRevoke = !h.keysOfProject().includes(OLD.publicKey); return false; },
    }));
    assert.equal(r.outcome, 'completed', 'an unconfirmed checklist does not hold up a compromised rotation');
    assert.match(warning ?? '', /Compromised mode: pk-lf-b1000000-0000-4000-8000-000000000001 is revoked now/);
    assert.equal(checklistAskedAfterRevoke, true);
    const order = r.journal.history.map(x => x.step);
    assert.ok(order.indexOf('verified') < order.indexOf('revoking'), 'new pair verified before the revoke');
    assert.ok(order.indexOf('revoked') < order.indexOf('evidenced'));
    assert.equal(r.journal.recheck?.oldPair, 'unauthorized');
  });

  it('manual mode (OSS, no admin API): takes the pasted pair, checks its project, waits for the UI deletion and confirms the 401', async () => {
    h = await startHarness({ plan: 'oss' });
    const a = h.envFile('app/.env');
    const engine = h.engine();
    const { id } = await engine.start(plan(h, [`env:${a}`], { mode: 'manual' }), h.callbacks());
    // A mistyped secret and the pair of another project are refused with clear messages.
    await assert.rejects(engine.run(id, h.callbacks({ provideNewPair: async () => ({ publicKey: STAGING.publicKey, secretKey: 'sk-lf-canary-typo' }) })), /does not accept the pasted pair pk-lf-c2000000-0000-4000-8000-000000000001 \(401\)/);
    await assert.rejects(engine.run(id, h.callbacks({ provideNewPair: async () => STAGING })), /belongs to project staging-chatbot \(proj-staging-chatbot\), not production-chatbot/);
    // The user creates the key in the UI (here: straight in the sandbox's store) and pastes it.
    const uiKey = { publicKey: 'pk-lf-b1000000-0000-4000-8000-0000000000ff', secretKey: 'sk-lf-canary-b1000000-0000-4000-8000-0000000000ff' };
    h.sandbox.store.apiKeys.set('ui-key', { id: 'ui-key', scope: 'PROJECT', projectId: PROJECT.id, publicKey: uiKey.publicKey, secretKey: uiKey.secretKey, note: 'rotated', createdAt: new Date().toISOString() });
    let instructions = '';
    const waiting = await engine.run(id, h.callbacks({ provideNewPair: async () => uiKey, confirmRevoke: async r => { instructions = r.manualInstructions ?? ''; return true; } }));
    assert.equal(waiting.outcome, 'waiting', 'the old key still answers: the user has not deleted it');
    assert.equal(waiting.journal.waiting?.reason, 'old-key-still-valid');
    assert.match(instructions, /delete the key pk-lf-b1000000-0000-4000-8000-000000000001/);
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, uiKey.publicKey);
    const oldId = [...h.sandbox.store.apiKeys.values()].find(k => k.publicKey === OLD.publicKey)!.id;
    h.sandbox.store.apiKeys.delete(oldId);
    const done = await engine.run(id, h.callbacks());
    assert.equal(done.outcome, 'completed');
    assert.equal(done.journal.recheck?.oldPair, 'unauthorized');
  });

  it('a key cannot be rotated twice at once: another tool\'s unfinished rotation and a live lock are refused, naming the holder', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const ext = h.engine({ tool: 'extension' });
    const { id } = await ext.start(plan(h, [`env:${a}`]), h.callbacks());
    ext.close();
    const cli = h.engine();
    await assert.rejects(cli.start(plan(h, [`env:${a}`]), h.callbacks()), (e: Error) => e instanceof RotationBusyError && /being rotated by the VS Code extension \(rotation rot-/.test(e.message));
    await assert.rejects(cli.run(id, h.callbacks()), /Only that tool holds its new secret/);
    // A live process (our parent) holding the key's lock.
    const lock = rotationLockFile(h.stateDir, STAGING.publicKey);
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ tool: 'extension', pid: process.ppid, host: os.hostname(), since: '2026-11-28T10:00:00.000Z', purpose: 'rotation x' }));
    const b = h.envFile('staging/.env', STAGING);
    await assert.rejects(cli.start({ ...plan(h, [`env:${b}`]), project: { name: 'staging-chatbot' }, oldPublicKey: STAGING.publicKey }, h.callbacks()),
      (e: Error) => e instanceof RotationBusyError && new RegExp(`being rotated right now by the VS Code extension \\(pid ${process.ppid}`).test(e.message));
  });

  it('refuses to abort after the revoke, and refuses a target holding some other key', async () => {
    h = await startHarness();
    const a = h.envFile('app/.env');
    const engine = h.engine({ checkpoint: name => { if (name === 'journal:revoked') throw new Error('stop here'); } });
    const { id } = await engine.start(plan(h, [`env:${a}`]), h.callbacks());
    await assert.rejects(engine.run(id, h.callbacks()), /stop here/);
    await assert.rejects(engine.abort(id), (e: Error) => e instanceof RotationStateError && /past the point of no return/.test(e.message));
    const other = h.envFile('other/.env', STAGING);
    const engine2 = h.engine();
    const keysBefore = h.keysOfProject();
    // Refused when it starts, before anything is created (not at the push, with a new key left behind).
    await assert.rejects(engine2.start({ ...plan(h, [`env:${other}`]), oldPublicKey: engine.load(id).newKey!.publicKey }, h.callbacks()),
      (e: Error) => e instanceof RotationTargetError && /^Nothing was created: .*other\/\.env holds another key, pk-lf-c2000000-0000-4000-8000-000000000001, not the key being rotated/.test(e.message));
    assert.deepEqual(h.keysOfProject(), keysBefore, 'no key created');
    assert.equal(engine2.list().journals.length, 1, 'no rotation journal written');
    assert.equal(envValues(other).LANGFUSE_PUBLIC_KEY, STAGING.publicKey, 'untouched');
  });

  describe('resume after a crash at every boundary (in-process: the crash is a throw, the lock released as by process death)', () => {
    const boundaries = ['persisted-new-secret', 'journal:creating', 'key-created', 'journal:created', 'journal:pushing', 'snapshot:0', 'written:0', 'snapshot:1', 'written:1',
      'journal:pushed', 'journal:verified', 'journal:evidenced', 'journal:revoking', 'key-deleted', 'journal:revoked', 'journal:rechecked', 'secrets-wiped', 'journal:completed'];
    for (const at of boundaries) {
      for (const then of ['resume', 'abort'] as const) {
        it(`${at} → ${then}`, async () => {
          h = await startHarness();
          const a = h.envFile('app/.env');
          const b = h.envFile('worker/.env');
          let armed = true;
          const crashing = h.engine({ checkpoint: name => { if (armed && name === at) { armed = false; throw new Error(`crash at ${name}`); } } });
          const { id } = await crashing.start(plan(h, [`env:${a}`, `env:${b}`]), h.callbacks());
          await assert.rejects(crashing.run(id, h.callbacks()), new RegExp(`crash at ${at}`));
          crashing.close();
          const engine = h.engine();
          const journal = engine.load(id);
          const pastRevoke = ['revoking', 'revoked', 'rechecked', 'completed'].includes(journal.step) || at === 'key-deleted';
          if (then === 'abort' && pastRevoke) {
            await assert.rejects(engine.abort(id), /point of no return|already completed/);
            if (journal.status === 'active') assert.equal((await engine.run(id, h.callbacks())).outcome, 'completed');
          } else if (then === 'abort') {
            assert.equal((await engine.abort(id, h.callbacks())).outcome, 'rolledBack');
            assert.equal(fs.existsSync(path.join(h.stateDir, 'rotations', `${id}.secret.json`)), false, 'pending secrets wiped');
            assert.deepEqual(h.keysOfProject(), [OLD.publicKey], 'no orphan new key');
            for (const f of [a, b]) assert.equal(envValues(f).LANGFUSE_SECRET_KEY, OLD.secretKey);
            return;
          } else if (journal.status === 'active') {
            assert.equal((await engine.run(id, h.callbacks())).outcome, 'completed');
          }
          const keys = h.keysOfProject();
          assert.equal(keys.length, 1, `exactly one key left: ${keys.join(', ')}`);
          const live = [...h.sandbox.store.apiKeys.values()].find(k => k.publicKey === keys[0])!;
          assert.notEqual(live.publicKey, OLD.publicKey);
          for (const f of [a, b]) assert.equal(envValues(f).LANGFUSE_SECRET_KEY, live.secretKey, 'the new secret is in every target');
          const final = engine.load(id);
          assert.equal(final.status, 'completed');
          assert.equal(fs.existsSync(path.join(h.stateDir, 'rotations', `${id}.secret.json`)), false, 'pending secrets wiped');
          assert.deepEqual(final.history.filter(x => !x.note).map(x => x.step).filter((s, i, all) => all.indexOf(s) === i), STEPS as readonly RotationStep[] as RotationStep[]);
        });
      }
    }
  });
});
