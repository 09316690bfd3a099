// Journal, pending-secret stores, target discovery and the resume question (real files).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  discoverEnvTargets, FilePendingSecretStore, JournalStore, resumeQuestion, SecretStoragePendingSecretStore, type RotationJournal,
} from '../../../src/core/rotation';

const OLD_PK = 'pk-lf-b1000000-0000-4000-8000-000000000001';

function journal(id: string, extra: Partial<RotationJournal> = {}): RotationJournal {
  return {
    v: 1, id, tool: 'cli', pid: 1, actor: 'a@acme.com', mode: 'normal', connection: { baseUrl: 'https://cloud.langfuse.com' },
    project: { name: 'production-chatbot', id: 'proj-production-chatbot' }, oldKey: { publicKey: OLD_PK }, targets: [{ target: 'env:/srv/.env' }],
    scanPaths: [], probeTraces: false, status: 'active', step: 'created', notes: [], history: [], createdAt: '2026-11-28T10:00:00.000Z', updatedAt: '2026-11-28T10:00:00.000Z',
    ...extra,
  };
}

describe('rotation: journal and pending secrets', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-journal-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps journals as 0600 JSON, lists them newest first, names a damaged one and ignores the pending-secret files', async () => {
    const store = new JournalStore(dir);
    store.save(journal('rot-20261128-100000-aaaaaa'));
    store.save(journal('rot-20261128-110000-bbbbbb', { step: 'pushed' }));
    await new FilePendingSecretStore(dir).save({ rotationId: 'rot-20261128-110000-bbbbbb', snapshots: {} });
    fs.writeFileSync(path.join(store.dir, 'rot-20261128-120000-cccccc.json'), '{"v":1,');
    const { journals, damaged } = store.list();
    assert.deepEqual(journals.map(j => j.id), ['rot-20261128-110000-bbbbbb', 'rot-20261128-100000-aaaaaa']);
    assert.equal(damaged.length, 1);
    assert.match(damaged[0].problem, /rot-20261128-120000-cccccc\.json is not valid JSON/);
    assert.equal(fs.statSync(store.file('rot-20261128-100000-aaaaaa')).mode & 0o777, 0o600);
    assert.equal(fs.statSync(store.dir).mode & 0o777, 0o700);
    assert.throws(() => store.load('../../etc/passwd'), /is not a rotation id/);
  });

  it('sweeps temp copies of journals that were never written once they are a minute old', () => {
    const store = new JournalStore(dir);
    store.save(journal('rot-20261128-100000-aaaaaa'));
    const old = path.join(store.dir, '.rot-20261128-090000-dddddd.json.0123456789ab.tmp');
    const fresh = path.join(store.dir, '.rot-20261128-095959-eeeeee.json.0123456789ab.tmp');
    fs.writeFileSync(old, '{');
    fs.writeFileSync(fresh, '{');
    fs.utimesSync(old, new Date(Date.now() - 120_000), new Date(Date.now() - 120_000));
    store.sweepStrays();
    assert.deepEqual(fs.readdirSync(store.dir).sort(), ['.rot-20261128-095959-eeeeee.json.0123456789ab.tmp', 'rot-20261128-100000-aaaaaa.json']);
  });

  it('the CLI pending store is a 0600 file; wiping removes it and temp copies a killed writer left', async () => {
    const secrets = new FilePendingSecretStore(dir);
    const id = 'rot-20261128-100000-aaaaaa';
    await secrets.save({ rotationId: id, newPair: { publicKey: 'pk-lf-x', secretKey: 'sk-lf-canary-x' }, snapshots: {} });
    assert.equal(fs.statSync(secrets.file(id)).mode & 0o777, 0o600);
    assert.equal((await secrets.load(id))?.newPair?.secretKey, 'sk-lf-canary-x');
    const stray = path.join(secrets.dir, `.${id}.secret.json.0123456789ab.tmp`);
    fs.writeFileSync(stray, 'sk-lf-canary-x');
    await secrets.wipe(id);
    assert.deepEqual(fs.readdirSync(secrets.dir), []);
    assert.equal(await secrets.load(id), undefined);
    fs.writeFileSync(secrets.file(id), 'garbage');
    await assert.rejects(secrets.load(id), /damaged\. Do not delete it: it may hold the only copy of a new secret key/);
  });

  it('the extension pending store keeps one SecretStorage entry per rotation', async () => {
    const map = new Map<string, string>();
    const storage = { get: async (k: string) => map.get(k), store: async (k: string, v: string) => { map.set(k, v); }, delete: async (k: string) => { map.delete(k); } };
    const secrets = new SecretStoragePendingSecretStore(storage);
    await secrets.save({ rotationId: 'rot-1', oldSecretKey: 'sk-lf-canary-old', snapshots: {} });
    assert.deepEqual([...map.keys()], ['langfuseAccess/rotation/rot-1']);
    assert.equal((await secrets.load('rot-1'))?.oldSecretKey, 'sk-lf-canary-old');
    await secrets.wipe('rot-1');
    assert.equal(map.size, 0);
  });

  it('finds .env files holding the key as targets (not examples, not other variables)', () => {
    fs.mkdirSync(path.join(dir, 'svc'));
    fs.writeFileSync(path.join(dir, 'svc', '.env'), `LANGFUSE_PUBLIC_KEY="${OLD_PK}"\n`);
    fs.writeFileSync(path.join(dir, '.env.production'), `export LANGFUSE_PUBLIC_KEY=${OLD_PK} # prod\n`);
    fs.writeFileSync(path.join(dir, '.env.example'), `LANGFUSE_PUBLIC_KEY=${OLD_PK}\n`);
    fs.writeFileSync(path.join(dir, '.env.local'), `OTHER_KEY=${OLD_PK}\n`);
    fs.writeFileSync(path.join(dir, 'README.md'), `LANGFUSE_PUBLIC_KEY=${OLD_PK}\n`);
    assert.deepEqual(discoverEnvTargets([dir], OLD_PK).sort(), [`env:${path.join(dir, '.env.production')}`, `env:${path.join(dir, 'svc', '.env')}`]);
  });

  it('asks to resume at the next step, in words', () => {
    assert.equal(resumeQuestion(journal('rot-20261128-100000-aaaaaa', { step: 'created' })), 'Resume rotation of pk-lf-b100…0001 (project production-chatbot) at step 4/11 (Push to targets)?');
    assert.equal(resumeQuestion(journal('rot-20261128-100000-aaaaaa', { step: 'pushing', status: 'rollingBack' })), 'Finish rolling back the rotation of pk-lf-b100…0001 (project production-chatbot)?');
  });
});
