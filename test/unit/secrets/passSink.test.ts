// Against the real `pass` and gpg, with a throwaway GPG home and store (test/support/peers/passStore.ts).
// Without pass installed, createPassStore() throws and this suite FAILS instead of skipping.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SinkConfigError, SinkConflictError, SinkNotFoundError, SinkPermissionError } from '../../../src/core/secrets/errors';
import { fingerprintSecret } from '../../../src/core/secrets/fingerprint';
import { PassSink, type PassSinkConfig } from '../../../src/core/secrets/pass/passSink';
import { createPassStore, type PassStore } from '../../support/peers/passStore';
import { assertNoSecretIn, canaryPair, NEW_PAIR, OLD_PAIR } from './support/pairs';

const ENTRY = 'acme/langfuse/production';

describe('secrets: pass sink (real pass + gpg, throwaway GPG home)', function () {
  this.timeout(30000);
  let store: PassStore;
  let lockDir: string;
  let config: PassSinkConfig;
  const show = (entry = ENTRY) => execFileSync('pass', ['show', entry], { env: store.env, encoding: 'utf8' });
  const insert = (content: string, entry = ENTRY) => execFileSync('pass', ['insert', '-m', '-f', entry], { env: store.env, input: content, stdio: ['pipe', 'ignore', 'ignore'] });

  before(() => {
    store = createPassStore();
    lockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-locks-'));
    config = { storeDir: store.storeDir, gnupgHome: store.gnupgHome, lock: { lockDir, tool: 'test' } };
  });
  after(() => {
    store?.teardown();
    if (lockDir) fs.rmSync(lockDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const f of fs.readdirSync(store.storeDir)) if (f !== '.gpg-id') fs.rmSync(path.join(store.storeDir, f), { recursive: true, force: true });
  });

  it('writes a new multi-line entry that pass shows back, encrypted (0600 .gpg file)', async () => {
    const sink = new PassSink(ENTRY, config);
    assert.equal((await sink.read()).exists, false);
    const receipt = await sink.write(NEW_PAIR);
    assert.equal(show(), `LANGFUSE_PUBLIC_KEY=${NEW_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${NEW_PAIR.secretKey}\nLANGFUSE_BASE_URL=${NEW_PAIR.baseUrl}\n`);
    const file = path.join(store.storeDir, `${ENTRY}.gpg`);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.ok(!fs.readFileSync(file).includes(NEW_PAIR.secretKey), 'the file is encrypted');
    assert.equal(receipt.state.secretFingerprint, fingerprintSecret(NEW_PAIR.secretKey));
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['production.gpg'], 'no temporary entry is left');
  });

  it('updates an existing entry in place, keeping its other lines (a first-line password, notes)', async () => {
    insert(`hunter2\nLANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\nurl: https://app.acme.example\n`);
    const sink = new PassSink(ENTRY, config);
    await sink.write({ publicKey: NEW_PAIR.publicKey, secretKey: NEW_PAIR.secretKey });
    assert.equal(show(), `hunter2\nLANGFUSE_PUBLIC_KEY=${NEW_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${NEW_PAIR.secretKey}\nurl: https://app.acme.example\n`);
    assert.equal((await sink.readBack(NEW_PAIR)).matches, false, 'no base URL was written, so a pair with one does not match');
    assert.equal((await sink.readBack({ publicKey: NEW_PAIR.publicKey, secretKey: NEW_PAIR.secretKey })).matches, true);
  });

  it('never passes the secret on the command line (argv recorded by a wrapper)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-argv-'));
    const log = path.join(dir, 'argv.log');
    const wrapper = path.join(dir, 'pass');
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "$@" >> ${log}\nexec pass "$@"\n`, { mode: 0o755 });
    try {
      const sink = new PassSink(ENTRY, { ...config, passBinary: wrapper });
      const snap = await sink.snapshot();
      await sink.write(NEW_PAIR);
      await sink.restore(snap);
      const argv = fs.readFileSync(log, 'utf8');
      assert.match(argv, /insert --multiline --force/);
      assert.ok(!argv.includes('sk-lf-'), argv);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pass (and the gpg and git it runs) gets an allow-listed environment: no Langfuse, AWS or Vault credentials', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-env-'));
    const log = path.join(dir, 'env.log');
    const wrapper = path.join(dir, 'pass');
    fs.writeFileSync(wrapper, `#!/bin/sh\nenv >> ${log}\nexec pass "$@"\n`, { mode: 0o755 });
    const secrets = {
      LANGFUSE_ACCESS_SECRET_KEY: 'sk-lf-canary-cli-credential', LANGFUSE_SECRET_KEY: 'sk-lf-canary-sdk', VAULT_TOKEN: 'hvs.canary-vault-token',
      AWS_SECRET_ACCESS_KEY: 'canary-aws-secret', AWS_SESSION_TOKEN: 'canary-aws-session', LANGFUSE_ACCESS_SIEM_TOKEN: 'canary-siem', GITHUB_TOKEN: 'canary-gh',
    };
    try {
      const sink = new PassSink(ENTRY, { ...config, passBinary: wrapper, env: { ...process.env, ...secrets, LC_ALL: 'C.UTF-8', PASSWORD_STORE_UMASK: '077' } });
      await sink.write(NEW_PAIR);
      const seen = fs.readFileSync(log, 'utf8');
      for (const [name, value] of Object.entries(secrets)) {
        assert.ok(!seen.includes(value), `${name} reached pass`);
        assert.doesNotMatch(seen, new RegExp(`^${name}=`, 'm'));
      }
      for (const kept of ['PATH', 'HOME', 'GNUPGHOME', 'PASSWORD_STORE_DIR', 'PASSWORD_STORE_UMASK', 'LC_ALL']) assert.match(seen, new RegExp(`^${kept}=`, 'm'), kept);
      assert.equal(show(), `LANGFUSE_PUBLIC_KEY=${NEW_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${NEW_PAIR.secretKey}\nLANGFUSE_BASE_URL=${NEW_PAIR.baseUrl}\n`, 'and pass still works');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('restores the exact old entry, deletes an entry the write created, and refuses over a third party\'s pair', async () => {
    const original = `LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n# owner: platform team\n`;
    insert(original);
    const sink = new PassSink(ENTRY, config);
    const snap = await sink.snapshot();
    assert.equal(snap.holdsSecret, true);
    await sink.write(NEW_PAIR, { expectedPrevious: snap.state });
    await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
    assert.equal(show(), original);

    const other = new PassSink('acme/langfuse/new', config);
    const empty = await other.snapshot();
    await other.write(NEW_PAIR);
    await other.write(canaryPair(4));
    await assert.rejects(other.restore(empty, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) }), SinkConflictError);
    assert.equal((await other.restore(empty)).exists, false);
  });

  it('check-and-set: refuses when the entry changed since the snapshot and leaves it as it was', async () => {
    insert(`LANGFUSE_PUBLIC_KEY=${OLD_PAIR.publicKey}\nLANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`);
    const sink = new PassSink(ENTRY, config);
    const snap = await sink.snapshot();
    const third = canaryPair(5);
    insert(`LANGFUSE_PUBLIC_KEY=${third.publicKey}\nLANGFUSE_SECRET_KEY=${third.secretKey}\n`);
    await assert.rejects(sink.write(NEW_PAIR, { expectedPrevious: snap.state }), SinkConflictError);
    assert.match(show(), new RegExp(third.publicKey));
  });

  it('concurrent writers are serialised: the entry ends with one complete pair and no temporary entries', async () => {
    const pairs = [1, 2, 3, 4].map(canaryPair);
    await Promise.all(pairs.map(p => new PassSink(ENTRY, config).write(p)));
    const text = show();
    const winner = pairs.find(p => text.includes(p.publicKey));
    assert.ok(winner);
    assert.ok(text.includes(winner.secretKey), 'public and secret key come from the same writer');
    assert.deepEqual(fs.readdirSync(path.join(store.storeDir, 'acme/langfuse')), ['production.gpg']);
  });

  it('a killed writer\'s hidden temporary entry (it holds a pair) is removed by the next write, no-op write and restore; other entries stay', async () => {
    const leftover = 'acme/langfuse/.production.lfa-0123abcd';
    const dir = path.join(store.storeDir, 'acme/langfuse');
    const plant = () => insert(`LANGFUSE_PUBLIC_KEY=${canaryPair(7).publicKey}\nLANGFUSE_SECRET_KEY=${canaryPair(7).secretKey}\n`, leftover);
    // Look-alikes of other entries: not this entry's temporaries, so they must survive.
    insert(`LANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`, 'acme/langfuse/staging');
    insert(`LANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`, 'acme/langfuse/.staging.lfa-0123abcd');
    const others = ['.staging.lfa-0123abcd.gpg', 'staging.gpg'];
    const sink = new PassSink(ENTRY, config);

    plant();
    const snap = await sink.snapshot();
    assert.ok(fs.readdirSync(dir).includes('.production.lfa-0123abcd.gpg'), 'the leftover was planted');
    await sink.write(NEW_PAIR);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...others, 'production.gpg'].sort(), 'a real write removes it');

    plant();
    assert.equal((await sink.write(NEW_PAIR)).unchanged, true);
    assert.deepEqual(fs.readdirSync(dir).sort(), [...others, 'production.gpg'].sort(), 'a no-op write removes it');

    plant();
    await sink.restore(await sink.snapshot());
    assert.deepEqual(fs.readdirSync(dir).sort(), [...others, 'production.gpg'].sort(), 'a no-op restore removes it');

    plant();
    assert.equal((await sink.restore(snap)).exists, false);
    assert.deepEqual(fs.readdirSync(dir).sort(), others, 'a restore that deletes the entry removes it too');
    assert.match(show('acme/langfuse/staging'), new RegExp(OLD_PAIR.secretKey));
  });

  it('a git-backed team store: every write is committed and leaves a clean working tree', async () => {
    const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.invalid' };
    execFileSync('pass', ['git', 'init'], { env: { ...store.env, ...gitEnv }, stdio: 'ignore' });
    try {
      const sink = new PassSink(ENTRY, { ...config, env: gitEnv });
      await sink.write(OLD_PAIR);
      await sink.write(NEW_PAIR);
      assert.equal(execFileSync('git', ['-C', store.storeDir, 'status', '--porcelain'], { encoding: 'utf8' }), '');
      const log = execFileSync('git', ['-C', store.storeDir, 'log', '--format=%s'], { encoding: 'utf8' });
      assert.match(log.split('\n')[0], new RegExp(`Rename .* to ${ENTRY}\\.`));
      assert.ok(!log.includes('sk-lf-'));
    } finally {
      fs.rmSync(path.join(store.storeDir, '.git'), { recursive: true, force: true });
      fs.rmSync(path.join(store.storeDir, '.gitattributes'), { force: true });
    }
  });

  it('an entry encrypted for someone else: permission error on read, clear message on write; nothing written', async () => {
    const foreign = createPassStore();
    try {
      execFileSync('pass', ['insert', '-m', '-f', ENTRY], { env: foreign.env, input: `LANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
      const before = fs.readFileSync(path.join(foreign.storeDir, `${ENTRY}.gpg`));
      const sink = new PassSink(ENTRY, { ...config, storeDir: foreign.storeDir });
      await assert.rejects(sink.read(), (err: Error) => err instanceof SinkPermissionError && /could not decrypt/.test(err.message) && /\.gpg-id/.test(err.message));
      const fresh = new PassSink('acme/other', { ...config, storeDir: foreign.storeDir });
      await assert.rejects(fresh.write(NEW_PAIR), (err: Error) => {
        assert.ok(err instanceof SinkConfigError, `${err.name}: ${err.message}`);
        assert.match(err.message, /no usable public key/);
        assertNoSecretIn(err.message);
        return true;
      });
      assert.deepEqual(fs.readFileSync(path.join(foreign.storeDir, `${ENTRY}.gpg`)), before);
      assert.ok(!fs.existsSync(path.join(foreign.storeDir, 'acme/other.gpg')));
      assert.deepEqual(fs.readdirSync(path.join(foreign.storeDir, 'acme')).sort(), ['langfuse'], 'no temporary entry is left');
    } finally {
      foreign.teardown();
    }
  });

  it('a passphrase-protected key that cannot be asked for here: a permission error saying how to unlock, no hang', async () => {
    const locked = createPassStore({ passphrase: 'correct horse battery staple' });
    try {
      execFileSync('pass', ['insert', '-m', '-f', ENTRY], { env: locked.env, input: `LANGFUSE_SECRET_KEY=${OLD_PAIR.secretKey}\n`, stdio: ['pipe', 'ignore', 'ignore'] });
      const sink = new PassSink(ENTRY, { ...config, storeDir: locked.storeDir, gnupgHome: locked.gnupgHome, timeoutMs: 15000 });
      await assert.rejects(sink.write(NEW_PAIR), (err: Error) => err instanceof SinkPermissionError && new RegExp(`Run "pass show ${ENTRY}" in a terminal to unlock`).test(err.message));
      assert.ok(!execFileSync('ls', ['-a', path.join(locked.storeDir, 'acme/langfuse')], { encoding: 'utf8' }).includes('.lfa-'), 'no temporary entry');
    } finally {
      locked.teardown();
    }
  });

  it('a store folder that does not exist, an uninitialised store, a missing pass, a bad entry name', async () => {
    await assert.rejects(new PassSink(ENTRY, { ...config, storeDir: path.join(store.storeDir, 'nope') }).read(), (err: Error) => err instanceof SinkNotFoundError && /pass init/.test(err.message));
    const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-bare-'));
    try {
      await assert.rejects(new PassSink(ENTRY, { ...config, storeDir: bare }).write(NEW_PAIR), (err: Error) => err instanceof SinkConfigError && /not initialised/.test(err.message));
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
    await assert.rejects(new PassSink(ENTRY, { ...config, passBinary: '/nonexistent/pass' }).read(), (err: Error) => err instanceof SinkConfigError && /Install pass/.test(err.message));
    assert.throws(() => new PassSink('../escape', config), SinkConfigError);
    assert.throws(() => new PassSink('--help', config), SinkConfigError);
  });
});
