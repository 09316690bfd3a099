import { strict as assert } from 'node:assert';
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dotenv from 'dotenv';
import { createSink } from '../../../src/core/secrets/createSink';
import { EnvFileSink } from '../../../src/core/secrets/env/envFileSink';
import { SinkConfigError, SinkConflictError, SinkNotFoundError } from '../../../src/core/secrets/errors';
import { fingerprintSecret } from '../../../src/core/secrets/fingerprint';
import { bundleForAnyUser, type AnyUserBundle } from '../../support/anyUserBundle';
import { assertNoSecretIn, canaryPair, NEW_PAIR, OLD_PAIR } from './support/pairs';

// The writers run from bundles outside the checkout: as root the permission tests run them as `nobody`.
let writer: AnyUserBundle;
let writerLoop: AnyUserBundle;

function run(args: string[], uid?: number): Promise<{ ok: boolean; code?: string; message?: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [writer.file, ...args], { cwd: path.dirname(writer.file), uid, gid: uid, env: { ...process.env, HOME: os.tmpdir() } }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout));
    });
  });
}

describe('secrets: .env file sink (real filesystem)', () => {
  let dir: string;
  let lockDir: string;
  const sinkFor = (file: string) => new EnvFileSink(file, { lockDir, tool: 'test' });

  before(async function () {
    this.timeout(30000);
    writer = await bundleForAnyUser(path.join(__dirname, 'support/envWriter.ts'));
    writerLoop = await bundleForAnyUser(path.join(__dirname, 'support/envWriterLoop.ts'));
  });
  after(() => { writer?.remove(); writerLoop?.remove(); });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-env-'));
    lockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-locks-'));
  });
  afterEach(() => {
    fs.chmodSync(dir, 0o700);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(lockDir, { recursive: true, force: true });
  });

  it('replaces the pair in place and keeps comments, order, quoting, export and CRLF byte for byte', async () => {
    const file = path.join(dir, '.env');
    const before = [
      '# Acme chatbot',
      'export LANGFUSE_PUBLIC_KEY="pk-lf-b1000000-0000-4000-8000-000000000001" # prod',
      'DATABASE_URL=postgres://db/app',
      "LANGFUSE_SECRET_KEY='sk-lf-demo-b1000000-0000-4000-8000-000000000001'  # from vault",
      'LANGFUSE_BASE_URL=http://127.0.0.1:3000',
      '',
    ].join('\r\n');
    fs.writeFileSync(file, before, { mode: 0o640 });
    const sink = sinkFor(file);
    const receipt = await sink.write(NEW_PAIR);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, [
      '# Acme chatbot',
      `export LANGFUSE_PUBLIC_KEY="${NEW_PAIR.publicKey}" # prod`,
      'DATABASE_URL=postgres://db/app',
      `LANGFUSE_SECRET_KEY='${NEW_PAIR.secretKey}'  # from vault`,
      `LANGFUSE_BASE_URL=${NEW_PAIR.baseUrl}`,
      '',
    ].join('\r\n'));
    assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'an existing file keeps its mode');
    assert.equal(receipt.unchanged, false);
    assert.equal(receipt.state.secretFingerprint, fingerprintSecret(NEW_PAIR.secretKey));
    assert.equal(dotenv.parse(after).LANGFUSE_SECRET_KEY, NEW_PAIR.secretKey);
    assert.deepEqual(fs.readdirSync(dir), ['.env'], 'no temporary file is left behind');
  });

  it('creates a missing file with mode 0600 and appends the keys', async () => {
    const file = path.join(dir, 'new.env');
    await sinkFor(file).write(NEW_PAIR);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(fs.readFileSync(file, 'utf8'), `LANGFUSE_PUBLIC_KEY=${NEW_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${NEW_PAIR.secretKey}\nLANGFUSE_BASE_URL=${NEW_PAIR.baseUrl}\n`);
  });

  it('appends missing keys after existing lines and updates LANGFUSE_HOST where a file uses it', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'APP=1\nLANGFUSE_HOST=http://old');
    await sinkFor(file).write(NEW_PAIR);
    assert.equal(fs.readFileSync(file, 'utf8'), `APP=1\nLANGFUSE_HOST=${NEW_PAIR.baseUrl}\nLANGFUSE_PUBLIC_KEY=${NEW_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${NEW_PAIR.secretKey}\nLANGFUSE_BASE_URL=${NEW_PAIR.baseUrl}\n`);
  });

  it('writes through a symlink (also a dangling one) and keeps the link', async () => {
    const real = path.join(dir, 'real.env');
    fs.writeFileSync(real, `LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\n`);
    const link = path.join(dir, '.env');
    fs.symlinkSync('real.env', link);
    await sinkFor(link).write(NEW_PAIR);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.match(fs.readFileSync(real, 'utf8'), new RegExp(NEW_PAIR.publicKey));

    const dangling = path.join(dir, 'dangling.env');
    fs.symlinkSync('made-later.env', dangling);
    await sinkFor(dangling).write(NEW_PAIR);
    assert.ok(fs.lstatSync(dangling).isSymbolicLink());
    assert.equal(fs.statSync(path.join(dir, 'made-later.env')).mode & 0o777, 0o600);
  });

  it('refuses a link out of its scope (a cloned .env pointing at ~/.bashrc) for every operation, and writes nothing there', async () => {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    const outside = path.join(dir, 'bashrc');
    fs.writeFileSync(outside, 'export A=1\n');
    const scope = { roots: [ws], label: 'the workspace' };
    // Created while the file is regular; the link appears afterwards (a checkout, a pull).
    fs.writeFileSync(path.join(ws, '.env'), '');
    const sink = new EnvFileSink(path.join(ws, '.env'), { lockDir, tool: 'test', scope });
    fs.rmSync(path.join(ws, '.env'));
    fs.symlinkSync('../bashrc', path.join(ws, '.env'));
    await assert.rejects(sink.write(NEW_PAIR), (e: unknown) => e instanceof SinkConfigError && /symbolic link to .*bashrc, outside the workspace: refused/.test(e.message) && /env:.*bashrc/.test(e.message));
    await assert.rejects(sink.read(), SinkConfigError);
    await assert.rejects(sink.snapshot(), SinkConfigError);
    assert.equal(fs.readFileSync(outside, 'utf8'), 'export A=1\n');
    // Already a link when the target is named: a configuration error at once (before a rotation creates a key).
    assert.throws(() => new EnvFileSink(path.join(ws, '.env'), { lockDir, scope }), SinkConfigError);
    fs.symlinkSync(path.join(dir, 'never-created.env'), path.join(ws, 'dangling.env'));
    assert.throws(() => new EnvFileSink(path.join(ws, 'dangling.env'), { lockDir, scope }), SinkConfigError);
    assert.equal(fs.existsSync(path.join(dir, 'never-created.env')), false);
  });

  it('createSink: a link inside the workspace is followed; a file outside it may link only within its own folder', async () => {
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(path.join(ws, 'config'), { recursive: true });
    fs.symlinkSync('config/app.env', path.join(ws, '.env'));
    await createSink(`env:${path.join(ws, '.env')}`, { lockDir, workspaceRoots: [ws] }).write(NEW_PAIR);
    assert.match(fs.readFileSync(path.join(ws, 'config', 'app.env'), 'utf8'), new RegExp(NEW_PAIR.publicKey));
    fs.mkdirSync(path.join(dir, 'user'));
    fs.symlinkSync('../ws/config/app.env', path.join(dir, 'user', '.env'));
    assert.throws(() => createSink(`env:${path.join(dir, 'user', '.env')}`, { lockDir, workspaceRoots: [ws] }), /outside the folder/);
  });

  it('replaces every duplicate of a key, so no copy of the old secret remains', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `LANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\nLANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`);
    await sinkFor(file).write(NEW_PAIR);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(!text.includes(OLD_PAIR.secretKey));
    assert.equal(text.split(NEW_PAIR.secretKey).length - 1, 2);
  });

  it('read() reports public key and fingerprint, never the secret', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`);
    const state = await sinkFor(file).read();
    assert.equal(state.publicKey, OLD_PAIR.publicKey);
    assert.equal(state.secretFingerprint, fingerprintSecret(OLD_PAIR.secretKey));
    assertNoSecretIn(JSON.stringify(state));
    assert.deepEqual(await sinkFor(path.join(dir, 'missing.env')).read(), { exists: false, publicKey: undefined, secretFingerprint: undefined, baseUrl: undefined, version: undefined });
  });

  it('readBack tells whether the file holds the pair, naming the differing field', async () => {
    const file = path.join(dir, '.env');
    const sink = sinkFor(file);
    await sink.write(NEW_PAIR);
    assert.equal((await sink.readBack(NEW_PAIR)).matches, true);
    const other = await sink.readBack({ ...NEW_PAIR, secretKey: 'sk-lf-canary-ffffffff-0000-4000-8000-000000000000' });
    assert.equal(other.matches, false);
    assert.match(other.difference ?? '', /secret key fingerprint sha256:/);
    assertNoSecretIn(other.difference ?? '');
  });

  it('restores exactly what the file held, and removes a file the write created', async () => {
    const file = path.join(dir, '.env');
    const original = `# keep\nexport LANGFUSE_SECRET_KEY="${OLD_PAIR.secretKey}" # c\nLANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\n`;
    fs.writeFileSync(file, original);
    const sink = sinkFor(file);
    const snap = await sink.snapshot();
    assert.equal(snap.holdsSecret, true);
    await sink.write(NEW_PAIR, { expectedPrevious: snap.state });
    const restored = await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.equal(restored.publicKey, OLD_PAIR.publicKey);
    await sink.restore(snap); // idempotent
    assert.equal(fs.readFileSync(file, 'utf8'), original);

    const created = path.join(dir, 'created.env');
    const fresh = sinkFor(created);
    const freshSnap = await fresh.snapshot();
    assert.equal(freshSnap.holdsSecret, false);
    await fresh.write(NEW_PAIR);
    await fresh.restore(freshSnap);
    assert.equal(fs.existsSync(created), false);
  });

  it('refuses to write when the file changed since the snapshot (check-and-set), and to restore over a third party\'s pair', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`);
    const sink = sinkFor(file);
    const snap = await sink.snapshot();
    const third = canaryPair(7);
    await sink.write(third);
    const before = fs.readFileSync(file, 'utf8');
    await assert.rejects(sink.write(NEW_PAIR, { expectedPrevious: snap.state }), (err: Error) => err instanceof SinkConflictError && /Re-read/.test(err.message));
    await assert.rejects(sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) }), SinkConflictError);
    assert.equal(fs.readFileSync(file, 'utf8'), before, 'nothing was written');
    const again = await sink.write(third, { expectedPrevious: snap.state });
    assert.equal(again.unchanged, true, 'writing the pair the file already holds is a success (resume)');
  });

  it('removes a killed writer\'s temp file (it holds a secret) even when the write or restore has nothing to change', async () => {
    const file = path.join(dir, '.env');
    const pair = { publicKey: 'pk-lf-canary-0001', secretKey: 'sk-lf-canary-temp-0000-0000-000000000001' };
    const sink = sinkFor(file);
    await sink.write(pair);
    const snapshot = await sink.snapshot();
    const stale = path.join(dir, '..env.0123456789ab.tmp'); // .<name>.<hex>.tmp
    fs.writeFileSync(stale, `LANGFUSE_SECRET_KEY=${pair.secretKey}\n`);
    assert.equal((await sink.write(pair)).unchanged, true);
    assert.equal(fs.existsSync(stale), false, 'removed by a no-op write');
    fs.writeFileSync(stale, 'x');
    await sink.restore(snapshot);
    assert.equal(fs.existsSync(stale), false, 'removed by a no-op restore');
  });

  it('names the missing folder and the folder-is-a-file case', async () => {
    await assert.rejects(sinkFor(path.join(dir, 'no/such/dir/.env')).write(NEW_PAIR), (err: Error) => err instanceof SinkNotFoundError && /Create .*no\/such\/dir first/.test(err.message));
    await assert.rejects(sinkFor(dir).read(), SinkConfigError);
  });

  it('refuses an invalid value before touching the file, without echoing it', async () => {
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'A=1\n');
    const bad = { publicKey: NEW_PAIR.publicKey, secretKey: 'sk-lf-canary-0000\nINJECTED=1' };
    await assert.rejects(sinkFor(file).write(bad), (err: Error) => err instanceof SinkConfigError && !err.message.includes('INJECTED') && /secretKey/.test(err.message));
    assert.equal(fs.readFileSync(file, 'utf8'), 'A=1\n');
  });

  it('in a read-only folder: a permission error naming the folder, and the file is untouched', async function () {
    const file = path.join(dir, '.env');
    const original = `LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`;
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o666);
    fs.chmodSync(lockDir, 0o777);
    fs.chmodSync(dir, 0o555);
    // root ignores folder modes, so the writer runs as `nobody` when the suite runs as root.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const result = await run([file, lockDir, NEW_PAIR.publicKey, NEW_PAIR.secretKey], uid);
    assert.equal(result.ok, false);
    assert.equal(result.code, 'permission');
    assert.match(result.message ?? '', new RegExp(`Make ${dir} writable`));
    assertNoSecretIn(result.message ?? '');
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.deepEqual(fs.readdirSync(dir), ['.env']);
  });

  it('a read-only .env in a writable folder is not replaced behind its owner\'s back', async () => {
    const file = path.join(dir, '.env');
    const original = `LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\n`;
    fs.writeFileSync(file, original);
    fs.chmodSync(file, 0o444);
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(lockDir, 0o777);
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    const result = await run([file, lockDir, NEW_PAIR.publicKey, NEW_PAIR.secretKey], uid);
    assert.equal(result.code, 'permission');
    assert.match(result.message ?? '', /is read-only for your user.*chmod u\+w/);
    assert.equal(fs.readFileSync(file, 'utf8'), original);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('concurrent writers in separate processes: the file ends with exactly one complete pair, other lines intact', async function () {
    this.timeout(60000);
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, '# header\nAPP_MODE=prod\nLANGFUSE_PUBLIC_KEY=x\nLANGFUSE_SECRET_KEY=sk-lf-x\n# footer\n');
    const pairs = [1, 2, 3, 4, 5, 6].map(canaryPair);
    const results = await Promise.all(pairs.map(p => run([file, lockDir, p.publicKey, p.secretKey])));
    assert.ok(results.every(r => r.ok), JSON.stringify(results));
    const parsed = dotenv.parse(fs.readFileSync(file, 'utf8'));
    const winner = pairs.find(p => p.publicKey === parsed.LANGFUSE_PUBLIC_KEY);
    assert.ok(winner, 'the public key is one of the written ones');
    assert.equal(parsed.LANGFUSE_SECRET_KEY, winner.secretKey, 'public and secret key come from the same writer');
    assert.equal(parsed.APP_MODE, 'prod');
    assert.match(fs.readFileSync(file, 'utf8'), /^# header\n[\s\S]*# footer\n$/);
    assert.deepEqual(fs.readdirSync(dir), ['.env']);
  });

  it('kill -9 at random moments: the file always holds one complete pair, and the next write cleans up', async function () {
    this.timeout(60000);
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `# app\nLANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`);
    const seed = Number(process.env.SECRETS_KILL_SEED ?? Date.now() % 100000);
    let rnd = seed;
    const next = () => { rnd = (rnd * 1103515245 + 12345) % 2147483648; return rnd / 2147483648; };
    const valid = new Map([OLD_PAIR, ...[0, 1, 2, 3, 4, 5, 6].map(canaryPair)].map(p => [p.publicKey, p.secretKey]));
    for (let round = 0; round < 5; round++) {
      const child = spawn(process.execPath, [writerLoop.file, file, lockDir], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>(resolve => child.stdout.once('data', () => resolve()));
      await new Promise(r => setTimeout(r, 20 + next() * 200));
      child.kill('SIGKILL');
      await new Promise(r => child.once('exit', r));
      const parsed = dotenv.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(valid.get(parsed.LANGFUSE_PUBLIC_KEY), parsed.LANGFUSE_SECRET_KEY, `seed ${seed} round ${round}: a complete pair`);
      assert.match(fs.readFileSync(file, 'utf8'), /^# app\n/, `seed ${seed}: the comment survived`);
    }
    await sinkFor(file).write(NEW_PAIR);
    assert.deepEqual(fs.readdirSync(dir), ['.env'], `seed ${seed}: no temporary file holding a secret is left`);
  });
});
