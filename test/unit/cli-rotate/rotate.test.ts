// `langfuse-access rotate` end to end: the sandbox over real HTTP, real .env files, moto_server for
// AWS, real pass + gpg in a throwaway GPG home, and a labelled FAKE of Vault KV v2 (Vault cannot run here).
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLangfuseClient } from '../../../src/core/langfuse';
import { rotationLockFile } from '../../../src/core/rotation';
import { createSink } from '../../../src/core/secrets';
import { FAKE_AWS_ENV, startMoto, type MotoServer } from '../../support/peers/moto';
import { createPassStore, type PassStore } from '../../support/peers/passStore';
import { startVaultKv2Fake, type VaultFake } from '../../support/peers/vaultKv2Fake';
import { assertNoSecret, bundleCli, envValues, OLD, ORG, ROOT, startCliHarness, type CliHarness } from './support/cliHarness';

const START = ['--connection', 'acme', '--project', 'production-chatbot', '--key', OLD.publicKey];

describe('cli: langfuse-access rotate', function () {
  this.timeout(30000);
  let h: CliHarness;
  afterEach(async () => { await h?.close(); });

  it('rotates into .env files with --yes: new key created with provenance, files updated, old key revoked and answering 401, nothing secret printed or left behind', async () => {
    h = await startCliHarness();
    const a = h.envFile('app/.env');
    const b = h.envFile('worker/.env');
    const r = await h.run([...START, '--to', 'env:app/.env', '--to', `env:${b}`, '--scan', '.', '--yes']);
    assert.equal(r.code, 0, r.err);
    const [id, outcome] = r.out.trim().split(' ');
    assert.equal(outcome, 'completed');
    const keys = h.keys();
    assert.equal(keys.length, 1);
    assert.notEqual(keys[0].publicKey, OLD.publicKey);
    assert.equal(h.sandbox.store.apiKeys.get(keys[0].id)!.note, 'chatbot-production', 'the old key\'s note, byte for byte');
    for (const f of [a, b]) assert.deepEqual(envValues(f), { LANGFUSE_PUBLIC_KEY: keys[0].publicKey, LANGFUSE_SECRET_KEY: keys[0].secretKey, LANGFUSE_BASE_URL: h.sandbox.url });
    assert.match(r.err, /Re-check: The old pair answers 401; the new pair works\./);
    assert.match(r.err, new RegExp(`Revoke ${OLD.publicKey} in project production-chatbot now\\? This cannot be undone\\. Yes \\(--yes\\)`));
    assert.deepEqual(fs.readdirSync(h.rotationsDir), [`${id}.json`], 'the 0600 pending-secret file is wiped');
    const audit = fs.readFileSync(path.join(h.stateDir, 'audit.jsonl'), 'utf8');
    for (const step of ['planned', 'creating', 'created', 'pushed', 'verified', 'evidenced', 'revoking', 'revoked', 'rechecked', 'completed']) assert.ok(audit.includes(`"rotation.${step}"`), step);
    assertNoSecret(r.out + r.err + audit + fs.readFileSync(path.join(h.rotationsDir, `${id}.json`), 'utf8'), [keys[0].secretKey]);
  });

  it('--to access:.langfuse/access.yaml#production: the demo rotation updates the access file\'s publicKeys and completes without pausing on it', async () => {
    h = await startCliHarness();
    h.envFile('app/.env');
    const access = path.join(h.dir, '.langfuse', 'access.yaml');
    fs.mkdirSync(path.dirname(access));
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/workspace-acme/.langfuse/access.yaml'), 'utf8');
    fs.writeFileSync(access, text);
    const r = await h.run([...START, '--to', 'env:app/.env', '--to', 'access:.langfuse/access.yaml#production', '--scan', '.', '--yes']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.trim().split(' ')[1], 'completed');
    const [key] = h.keys();
    assert.equal(fs.readFileSync(access, 'utf8'), text.replace(OLD.publicKey, key.publicKey), 'only the production entry changed, every other byte kept');
    assert.match(r.err, /publicKeys of environment production in the access file .*access\.yaml: now holds pk-lf-/);
  });

  it('refuses to rotate a key of a project where the acting identity has no access, before anything is created or written', async () => {
    h = await startCliHarness();
    const stagingKey = 'pk-lf-c2000000-0000-4000-8000-000000000001';
    const before = [...h.sandbox.store.apiKeys.keys()].sort();
    const target = h.envFile('staging/.env', { publicKey: stagingKey, secretKey: 'sk-lf-demo-c2000000-0000-4000-8000-000000000001' });
    const text = fs.readFileSync(target, 'utf8');
    // engineering-lead@acme.com is the organization's OWNER but overridden NONE in staging-chatbot.
    const r = await h.run(['--connection', 'acme', '--project', 'staging-chatbot', '--key', stagingKey, '--to', 'env:staging/.env', '--yes']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /refused: Permission denied: insufficient role\. engineering-lead@acme\.com is NONE in staging-chatbot; rotating an API key of staging-chatbot .* → ask: senior-dev@acme\.com/);
    assert.deepEqual([...h.sandbox.store.apiKeys.keys()].sort(), before, 'no key was created');
    assert.equal(fs.readFileSync(target, 'utf8'), text, 'the target is untouched');
    assert.ok(!fs.existsSync(h.rotationsDir) || fs.readdirSync(h.rotationsDir).length === 0, 'no journal was written');
    const audit = fs.readFileSync(path.join(h.stateDir, 'audit.jsonl'), 'utf8').trim().split('\n').map(l => JSON.parse(l)).filter(e => e.action !== 'audit.checkpoint');
    assert.deepEqual(audit.map(e => [e.action, e.outcome, e.details.rule]), [['rotation.start', 'refused', 'insufficient-role']]);
  });

  it('without --yes and without a terminal it never revokes: it waits, exits 1, and --resume --yes finishes; on Langfuse 3.x the probe reads the v3 trace list', async () => {
    h = await startCliHarness({ serverVersion: '3.112.0' });
    const a = h.envFile('app/.env');
    const first = await h.run([...START, '--to', 'env:app/.env', '--probe-traces']);
    assert.equal(first.code, 1);
    assert.match(first.err, /Not confirmed: no terminal and no --yes/);
    assert.match(first.err, /Resume with: langfuse-access rotate --resume rot-/);
    assert.ok(h.keys().some(k => k.publicKey === OLD.publicKey), 'old key still there');
    // A service restarted with the new pair sends a trace.
    const deployed = envValues(a);
    await createLangfuseClient({ baseUrl: h.sandbox.url, publicKey: deployed.LANGFUSE_PUBLIC_KEY, secretKey: deployed.LANGFUSE_SECRET_KEY }).traces.create({ name: 'after-deploy' });
    const list = await h.run(['--list']);
    assert.match(list.out, /\tcli\tactive\tverified\tproduction-chatbot\tpk-lf-b1000000-0000-4000-8000-000000000001\twaiting: checklist/);
    const second = await h.run(['--resume', '--yes']);
    assert.equal(second.code, 0, second.err);
    assert.match(second.err, /Traces are arriving: 1 trace\(s\) in project production-chatbot since the cut-over \(read with the new key\)\. This does not show which key sent them\./);
    assert.doesNotMatch(second.err.replace(/(cannot prove|none of this proves) the old key is unused/g, ''), /unused/i, 'never claims the old key is unused');
    assert.equal(h.keys().some(k => k.publicKey === OLD.publicKey), false);
  });

  it('--abort rolls back before the revoke: targets hold the old pair again and the new key is deleted', async () => {
    h = await startCliHarness();
    const a = h.envFile('app/.env');
    const first = await h.run([...START, '--to', 'env:app/.env']);
    const id = first.out.trim().split(' ')[0];
    assert.notEqual(envValues(a).LANGFUSE_PUBLIC_KEY, OLD.publicKey);
    const aborted = await h.run(['--abort', id]);
    assert.equal(aborted.code, 0, aborted.err);
    assert.equal(aborted.out.trim(), `${id} rolledBack`);
    assert.deepEqual(h.keys().map(k => k.publicKey), [OLD.publicKey]);
    assert.equal(envValues(a).LANGFUSE_SECRET_KEY, OLD.secretKey);
    const again = await h.run(['--abort', id]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already rolled back/);
  });

  it('compromised mode warns, revokes at once after the new pair is stored and verified, then finishes', async () => {
    h = await startCliHarness();
    h.envFile('app/.env');
    const r = await h.run([...START, '--to', 'env:app/.env', '--compromised', '--yes']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /WARNING: Compromised mode: pk-lf-b1000000-0000-4000-8000-000000000001 is revoked now, before anyone confirmed the services moved/);
    assert.ok(r.err.indexOf('Verify the new key pair') < r.err.indexOf('Old key revoked'));
    assert.equal(h.keys().length, 1);
  });

  it('compromised mode without --yes and without a terminal does not revoke: it waits before the point of no return and can be aborted', async () => {
    h = await startCliHarness();
    const a = h.envFile('app/.env');
    const r = await h.run([...START, '--to', 'env:app/.env', '--compromised']);
    assert.equal(r.code, 1);
    assert.match(r.err, /WARNING: Compromised mode/);
    assert.match(r.err, /Not revoking: no terminal and no --yes/);
    assert.ok(h.keys().some(k => k.publicKey === OLD.publicKey));
    const aborted = await h.run(['--abort', r.out.trim().split(' ')[0]]);
    assert.equal(aborted.code, 0, aborted.err);
    assert.deepEqual(h.keys().map(k => k.publicKey), [OLD.publicKey]);
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, OLD.publicKey);
  });

  it('manual mode on OSS (project-key connection): reads the new pair from the environment, checks it, waits until the old key is deleted in the UI, confirms the 401', async () => {
    h = await startCliHarness({ plan: 'oss' });
    const a = h.envFile('app/.env');
    const creds = { LANGFUSE_ACCESS_PUBLIC_KEY: OLD.publicKey, LANGFUSE_ACCESS_SECRET_KEY: OLD.secretKey, LANGFUSE_ACCESS_BASE_URL: h.sandbox.url };
    const normal = await h.run(['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', 'env:app/.env', '--yes'], creds);
    assert.equal(normal.code, 2);
    assert.match(normal.err, /cannot create or delete keys.*Run a manual rotation with --manual/);
    // The user creates a key in the Langfuse UI (here: directly in the sandbox).
    const ui = { publicKey: 'pk-lf-b1000000-0000-4000-8000-0000000000ee', secretKey: 'sk-lf-canary-b1000000-0000-4000-8000-0000000000ee' };
    h.sandbox.store.apiKeys.set('ui', { id: 'ui', scope: 'PROJECT', projectId: 'proj-production-chatbot', ...ui, note: null, createdAt: new Date().toISOString() });
    const pasted = { ...creds, LANGFUSE_ACCESS_NEW_PUBLIC_KEY: ui.publicKey, LANGFUSE_ACCESS_NEW_SECRET_KEY: ui.secretKey };
    const first = await h.run(['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', 'env:app/.env', '--manual', '--yes'], pasted);
    assert.equal(first.code, 1, first.err);
    assert.match(first.err, /delete the key pk-lf-b1000000-0000-4000-8000-000000000001/);
    assert.match(first.err, /still answers: it has not been deleted yet/);
    assert.equal(envValues(a).LANGFUSE_PUBLIC_KEY, ui.publicKey);
    h.sandbox.store.apiKeys.delete([...h.sandbox.store.apiKeys.values()].find(k => k.publicKey === OLD.publicKey)!.id);
    const second = await h.run(['--resume', '--yes'], creds);
    assert.equal(second.code, 0, second.err);
    assert.match(second.err, /Re-check: The old pair answers 401; the new pair works\./);
    assertNoSecret(first.out + first.err + second.out + second.err);
  });

  it('manual mode reads a pasted pair from stdin (child process), never from argv', async () => {
    h = await startCliHarness({ plan: 'oss' });
    h.envFile('app/.env');
    const ui = { publicKey: 'pk-lf-b1000000-0000-4000-8000-0000000000dd', secretKey: 'sk-lf-canary-b1000000-0000-4000-8000-0000000000dd' };
    h.sandbox.store.apiKeys.set('ui', { id: 'ui', scope: 'PROJECT', projectId: 'proj-production-chatbot', ...ui, note: null, createdAt: new Date().toISOString() });
    const cli = await bundleCli();
    const child = spawn(process.execPath, [cli, 'rotate', '--project', 'production-chatbot', '--key', OLD.publicKey, '--to', 'env:app/.env', '--manual'], {
      cwd: h.dir, env: { ...h.env, NODE_PATH: path.join(ROOT, 'node_modules'), LANGFUSE_ACCESS_PUBLIC_KEY: OLD.publicKey, LANGFUSE_ACCESS_SECRET_KEY: OLD.secretKey, LANGFUSE_ACCESS_BASE_URL: h.sandbox.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', c => { out += c; });
    child.stderr.on('data', c => { err += c; });
    child.stdin.end(`LANGFUSE_PUBLIC_KEY=${ui.publicKey}\nLANGFUSE_SECRET_KEY=${ui.secretKey}\n`);
    const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
    assert.equal(code, 1, err);
    assert.match(err, /New pair pk-lf-b1000000-0000-4000-8000-0000000000dd answers for project production-chatbot/);
    assert.match(err, /Not revoking: no terminal and no --yes|Not confirmed: no terminal/);
    assertNoSecret(out + err);
  });

  describe('on a real terminal (pseudo-terminal driven by Python\'s pty module)', () => {
    const driver = path.join(__dirname, 'support', 'ptyDriver.py');
    const onTerminal = async (answers: [string, string][], args: string[], env: Record<string, string>) => {
      const cli = await bundleCli();
      const child = spawn('python3', [driver, JSON.stringify(answers), process.execPath, cli, 'rotate', ...args], { cwd: h.dir, env: { ...env, NODE_PATH: path.join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', c => { out += c; });
      const code = await new Promise<number | null>(resolve => child.on('exit', resolve));
      return { code, out };
    };

    it('asks for the checklist and the revoke; "n" leaves the old key alive, and a resumed "y" revokes it', async () => {
      h = await startCliHarness();
      h.envFile('app/.env');
      const first = await onTerminal([['Is every item done? [y/N]', 'y\r'], ['This cannot be undone. [y/N]', 'n\r']], [...START, '--to', 'env:app/.env'], h.env);
      assert.equal(first.code, 1, first.out);
      assert.match(first.out, /The new pair pk-lf-[0-9a-f-]+ is in env:/);
      assert.ok(h.keys().some(k => k.publicKey === OLD.publicKey), 'not revoked after "n"');
      const second = await onTerminal([['This cannot be undone. [y/N]', 'y\r']], ['--resume'], h.env);
      assert.equal(second.code, 0, second.out);
      assert.equal(h.keys().some(k => k.publicKey === OLD.publicKey), false);
      assertNoSecret(first.out + second.out, h.keys().map(k => k.secretKey));
    });

    it('manual mode asks for the pasted pair and never echoes the secret key', async () => {
      h = await startCliHarness({ plan: 'oss' });
      h.envFile('app/.env');
      const ui = { publicKey: 'pk-lf-b1000000-0000-4000-8000-0000000000cc', secretKey: 'sk-lf-canary-b1000000-0000-4000-8000-0000000000cc' };
      h.sandbox.store.apiKeys.set('ui', { id: 'ui', scope: 'PROJECT', projectId: 'proj-production-chatbot', ...ui, note: null, createdAt: new Date().toISOString() });
      const env = { ...h.env, LANGFUSE_ACCESS_PUBLIC_KEY: OLD.publicKey, LANGFUSE_ACCESS_SECRET_KEY: OLD.secretKey, LANGFUSE_ACCESS_BASE_URL: h.sandbox.url };
      const r = await onTerminal([
        ['New public key (pk-lf-…): ', `${ui.publicKey}\r`], ['not shown): ', `${ui.secretKey}\r`],
        ['Is every item done? [y/N]', 'y\r'], ['in the Langfuse UI? [y/N]', 'n\r'],
      ], ['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', 'env:app/.env', '--manual'], env);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /New pair pk-lf-b1000000-0000-4000-8000-0000000000cc answers for project production-chatbot/);
      assert.ok(!r.out.includes(ui.secretKey), 'the secret key was echoed');
      assertNoSecret(r.out);
    });
  });

  it('refuses secretstorage targets, a key another tool is rotating, and a live lock, naming who holds it', async () => {
    h = await startCliHarness();
    h.envFile('app/.env');
    const ss = await h.run([...START, '--to', 'secretstorage']);
    assert.equal(ss.code, 2);
    assert.match(ss.err, /secretstorage is VS Code's SecretStorage, which only the extension can write/);
    // A live process (our parent) holds the key's lock, as a VS Code window would.
    const lock = rotationLockFile(h.stateDir, OLD.publicKey);
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ tool: 'extension', pid: process.ppid, host: os.hostname(), since: '2026-11-28T10:00:00.000Z' }));
    const locked = await h.run([...START, '--to', 'env:app/.env', '--yes']);
    assert.equal(locked.code, 1);
    assert.match(locked.err, new RegExp(`being rotated right now by the VS Code extension \\(pid ${process.ppid} `));
    fs.rmSync(lock);
    // An unfinished rotation that belongs to the extension: listed, but not resumable here.
    const waiting = await h.run([...START, '--to', 'env:app/.env']);
    const id = waiting.out.trim().split(' ')[0];
    const twice = await h.run([...START, '--to', 'env:app/.env', '--yes']);
    assert.equal(twice.code, 1);
    assert.match(twice.err, new RegExp(`already has an unfinished rotation ${id} \\(step "verified"\\)\\. Resume it \\(langfuse-access rotate --resume ${id}\\)`));
    const file = path.join(h.rotationsDir, `${id}.json`);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"tool": "cli"', '"tool": "extension"'));
    assert.match((await h.run(['--list'])).out, new RegExp(`${id}\\textension\\tactive`));
    const resumed = await h.run(['--resume', id, '--yes']);
    assert.equal(resumed.code, 1);
    assert.match(resumed.err, /being rotated by the VS Code extension \(rotation rot-.*Only that tool holds its new secret/);
    const nothing = await h.run(['--resume']);
    assert.match(nothing.err, /Nothing to resume\. 1 rotation\(s\) in progress belong to the VS Code extension/);
    const fresh = await h.run([...START, '--to', 'env:app/.env', '--yes']);
    assert.equal(fresh.code, 1);
    assert.match(fresh.err, /being rotated by the VS Code extension/);
  });

  describe('secret-manager targets (moto_server, pass + gpg, Vault KV v2 FAKE)', () => {
    let moto: MotoServer;
    let pass: PassStore;
    let vault: VaultFake;
    const saved: Record<string, string | undefined> = {};
    before(async () => {
      for (const [k, v] of Object.entries(FAKE_AWS_ENV)) { saved[k] = process.env[k]; process.env[k] = v; }
      [moto, vault] = await Promise.all([startMoto(), startVaultKv2Fake({ tokens: { 'hvs.rotate': { capability: 'write' } } })]);
      pass = createPassStore();
    });
    after(async () => {
      for (const [k, v] of Object.entries(saved)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
      await Promise.all([moto?.stop(), vault?.close()]);
      pass?.teardown();
    });

    const cases: { target: string; oldSecretKnown: boolean; env: () => Record<string, string> }[] = [
      { target: 'aws-sm:acme/production/langfuse', oldSecretKnown: false, env: () => ({}) },
      { target: 'pass:acme/production/langfuse', oldSecretKnown: true, env: () => ({ PASSWORD_STORE_DIR: pass.storeDir, GNUPGHOME: pass.gnupgHome }) },
      { target: 'vault:secret/acme/production/langfuse', oldSecretKnown: false, env: () => ({ VAULT_TOKEN: 'hvs.rotate' }) },
    ];
    it('pass: a NEW entry can be a rotation target (rolled back, it is removed again), and pass never sees the CLI\'s Langfuse, AWS or Vault credentials', async () => {
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-passbin-'));
      const seen = path.join(bin, 'env.log');
      const realPass = execFileSync('sh', ['-c', 'command -v pass'], { encoding: 'utf8' }).trim();
      fs.writeFileSync(path.join(bin, 'pass'), `#!/bin/sh\nenv >> ${seen}\nexec ${realPass} "$@"\n`, { mode: 0o755 });
      try {
        h = await startCliHarness({ env: { PASSWORD_STORE_DIR: pass.storeDir, GNUPGHOME: pass.gnupgHome } });
        // CI style: the CLI's own organization key in the environment, next to cloud credentials.
        const ciEnv = { PATH: `${bin}:${process.env.PATH}`, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey, LANGFUSE_ACCESS_BASE_URL: h.sandbox.url, VAULT_TOKEN: 'hvs.canary-vault', AWS_SECRET_ACCESS_KEY: 'canary-aws-secret' };
        const entry = 'acme/brand-new/langfuse';
        const sink = createSink(`pass:${entry}`, { lockDir: path.join(h.dir, 'locks'), pass: { env: { ...process.env, PASSWORD_STORE_DIR: pass.storeDir, GNUPGHOME: pass.gnupgHome } } });
        assert.equal((await sink.read()).exists, false);
        const first = await h.run(['--project', 'production-chatbot', '--key', OLD.publicKey, '--to', `pass:${entry}`], ciEnv);
        assert.equal(first.code, 1, first.err);
        assert.match(first.err, /Waiting \(checklist\)/, 'it got past the push into the new entry');
        const [key] = h.keys().filter(k => k.publicKey !== OLD.publicKey);
        assert.equal((await sink.readBack({ publicKey: key.publicKey, secretKey: key.secretKey, baseUrl: h.sandbox.url })).matches, true);
        const aborted = await h.run(['--abort', first.out.trim().split(' ')[0]], ciEnv);
        assert.equal(aborted.code, 0, aborted.err);
        assert.equal((await sink.read()).exists, false, 'the entry the rotation created is gone again');
        const env = fs.readFileSync(seen, 'utf8');
        assert.ok(env.length > 0 && /^PASSWORD_STORE_DIR=/m.test(env), 'the wrapper saw pass run');
        for (const secret of [ORG.secretKey, 'hvs.canary-vault', 'canary-aws-secret']) assert.ok(!env.includes(secret), 'a credential reached pass');
      } finally {
        fs.rmSync(bin, { recursive: true, force: true });
      }
    });

    for (const c of cases) {
      it(`${c.target.split(':')[0]}: pushes, reads back, revokes; the old secret ${c.oldSecretKnown ? 'is taken from the target for the 401 re-check' : 'is not readable there, so the re-check says it was skipped'}`, async () => {
        h = await startCliHarness({
          env: c.env(),
          secretManagers: `secretManagers:\n  aws: { region: us-east-1, endpoint: "${moto.endpoint}" }\n  vault: { address: "${vault.address}" }\n`,
        });
        const sinkOptions = { lockDir: path.join(h.dir, 'locks'), settings: { aws: { region: 'us-east-1', endpoint: moto.endpoint }, vault: { address: vault.address } }, vaultToken: 'hvs.rotate', pass: { env: { ...process.env, ...c.env() } } };
        const sink = createSink(c.target, sinkOptions);
        await sink.write({ ...OLD, baseUrl: h.sandbox.url });
        const before = await sink.read();
        const r = await h.run([...START, '--to', c.target, '--yes']);
        assert.equal(r.code, 0, r.err);
        const [key] = h.keys();
        assert.notEqual(key.publicKey, OLD.publicKey);
        assert.equal((await sink.readBack({ publicKey: key.publicKey, secretKey: key.secretKey, baseUrl: h.sandbox.url })).matches, true);
        assert.notEqual((await sink.read()).version, before.version, 'a new version');
        if (c.oldSecretKnown) assert.match(r.err, /The old pair answers 401/);
        else assert.match(r.err, /The old secret was not available \(no target held it\), so the 401 re-check was skipped/);
        assertNoSecret(r.out + r.err, [key.secretKey]);
      });
    }
  });
});
