// Issue 20 item 6 for the secret sinks and the rotation engine: in the pseudo locale (every message in
// accented brackets, generated from the real bundle) a sink's error — problem and next step — the target
// list of the help and the wizard, the plan-input refusals, the token checks, a whole rotation's progress
// lines against the sandbox and the trace probe's "unavailable" sentence come out translated whole;
// targets, paths, keys and server words stay as written. Real files, real sandbox over HTTP.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse';
import { describeProbe, probeTraces } from '../../../src/core/rotation/traceProbe';
import { checkPlanRequest, headlessSinkHelp, PlanInputError } from '../../../src/core/rotation/planInput';
import { restrictedModeRotationRefusal } from '../../../src/core/rotation';
import { refuseUntrustedTargets } from '../../../src/core/rotation/startChecks';
import { createSink, isSinkError } from '../../../src/core/secrets';
import { awsSinkError } from '../../../src/core/secrets/aws/awsErrors';
import { EnvFileSink } from '../../../src/core/secrets/env/envFileSink';
import { fsSinkError } from '../../../src/core/secrets/fsErrors';
import { PassSink } from '../../../src/core/secrets/pass/passSink';
import { SINK_TOKENS, sinkTokenProblem, vaultTokenDecision } from '../../../src/core/secrets/sinkTokens';
import { HEADLESS_SINK_FORMS, parseSinkTarget, SINK_SPEC_FORMS, sinkSpecHelp } from '../../../src/core/secrets/spec';
import { VaultHttp } from '../../../src/core/secrets/vault/vaultHttp';
import { OLD, PROJECT, startHarness, type Harness } from '../rotation/support/harness';
import { isTranslated, untranslatedEnglish, usePseudoLocale, type PseudoLocale, assertTranslatedWhole } from './pseudoLocale';

/** Asserts `text` is one translated message with no plain English left once `data` is taken out. */
const assertWhole = (text: string, data: readonly string[], what: string) => assertTranslatedWhole(text, data, what);

function caught(fn: () => unknown): Error {
  try { fn(); } catch (err) { return err as Error; }
  assert.fail('expected an error');
}

async function rejected(p: Promise<unknown>): Promise<Error> {
  try { await p; } catch (err) { return err as Error; }
  assert.fail('expected a rejection');
}

describe('l10n: secret sinks and the rotation engine in a pseudo-localised language', function () {
  this.timeout(60_000);
  let locale: PseudoLocale;
  let dir: string;

  before(async () => { locale = await usePseudoLocale(); dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-l10n-sinks-')); });
  after(() => { locale.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('target specs: a bad spec says what is missing and how to write it; the list of forms has a translated "or" and forms as written', () => {
    for (const spec of ['env:', 'access:x.yaml', 'aws-sm:', 'pass:', 'vault:nomount', 'ftp:x', '']) {
      const err = caught(() => parseSinkTarget(spec, dir));
      assert.ok(isSinkError(err), spec);
      assertWhole(err.message, [spec, ...SINK_SPEC_FORMS, 'env:./.env', 'access:.langfuse/access.yaml#production', 'aws-sm:acme/production/langfuse', 'pass:team/langfuse/production', 'vault:secret/langfuse/production', 'ftp'], `spec "${spec}"`);
      assertWhole(err.nextStep, [...SINK_SPEC_FORMS, 'env:./.env', 'access:.langfuse/access.yaml#production', 'aws-sm:acme/production/langfuse', 'pass:team/langfuse/production', 'vault:secret/langfuse/production'], `next step of "${spec}"`);
    }
    assertWhole(sinkSpecHelp(), SINK_SPEC_FORMS, 'sinkSpecHelp');
    assertWhole(headlessSinkHelp(), HEADLESS_SINK_FORMS, 'headlessSinkHelp');
    assert.ok(!headlessSinkHelp().includes('secretstorage'));
  });

  it('.env sink on real files: a folder target, a conflicting write and every filesystem error come out translated', async () => {
    const folder = path.join(dir, 'folder.env');
    fs.mkdirSync(folder);
    const err = await rejected(new EnvFileSink(folder, { lockDir: path.join(dir, 'locks') }).read());
    assertWhole(err.message, [`env:${folder}`, 'env:./.env'], 'folder target');

    const file = path.join(dir, '.env');
    fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${OLD.publicKey}\nLANGFUSE_SECRET_KEY=${OLD.secretKey}\n`);
    const sink = new EnvFileSink(file, { lockDir: path.join(dir, 'locks') });
    const pair = { publicKey: 'pk-lf-new1', secretKey: 'sk-lf-new1' };
    const conflict = await rejected(sink.write(pair, { expectedPrevious: { exists: true, publicKey: 'pk-lf-other' } }));
    assertWhole(conflict.message, [`env:${file}`, OLD.publicKey], 'conflict');
    const invalid = await rejected(sink.write({ publicKey: 'nope', secretKey: 'sk-lf-x' }));
    assertWhole(invalid.message, [`env:${file}`, 'publicKey', 'pk-lf-…, sk-lf-…, https://…'], 'invalid pair');
    assertWhole(sink.describe(), [file], 'describe');
    assertWhole((await sink.readBack(pair)).difference!, [OLD.publicKey, pair.publicKey], 'read-back difference');

    for (const code of ['EACCES', 'EROFS', 'ENOENT', 'EISDIR', 'ELOOP', 'EIO']) {
      for (const doing of ['read', 'write'] as const) {
        const e = fsSinkError('env:/srv/.env', '/srv/.env', Object.assign(new Error('x'), { code }), doing);
        assertWhole(e.message, ['env:/srv/.env', '/srv/.env', '/srv', code, 'env:./.env'], `${code} ${doing}`);
      }
    }
  });

  it('pass, AWS, Vault and SecretStorage: configuration, permission and network errors; the token prompts and checks', async () => {
    const missing = path.join(dir, 'no-such-pass');
    const pass = new PassSink('team/langfuse/x', { passBinary: missing, storeDir: dir, lock: { lockDir: path.join(dir, 'locks') } });
    const noPass = await rejected(pass.read());
    assertWhole(noPass.message, ['pass:team/langfuse/x', missing, 'apt-get install pass', 'brew install pass'], 'pass not installed');
    assertWhole(pass.describe(), ['team/langfuse/x', dir], 'pass describe');

    const ctx = { target: 'aws-sm:acme/x', secretId: 'acme/x', endpoint: 'https://sm.example', profile: 'ops' };
    for (const name of ['CredentialsProviderError', 'AccessDeniedException', 'ResourceNotFoundException', 'ResourceExistsException', 'InvalidRequestException', 'ThrottlingException', 'Weird']) {
      const e = awsSinkError(name === 'AccessDeniedException' ? { ...ctx, profile: undefined } : ctx, { name, $metadata: { httpStatusCode: 400 } });
      assertWhole(e.message, ['aws-sm:acme/x', 'acme/x', 'https://sm.example', 'ops', name, 'HTTP 400', 'aws sso login --profile ops', 'aws sts get-caller-identity', 'secretsmanager:DescribeSecret, GetSecretValue, CreateSecret, PutSecretValue and UpdateSecretVersionStage', 'kms:Decrypt/GenerateDataKey', 'aws secretsmanager restore-secret --secret-id acme/x'], `AWS ${name}`);
    }
    const region = caught(() => createSink('vault:secret/x', { lockDir: dir }));
    assertWhole(region.message, ['vault:secret/x', 'langfuseAccess.secretManagers.vault.address', 'connections.yaml', 'VAULT_ADDR'], 'no Vault address');
    const plain = caught(() => new VaultHttp('vault:secret/x', { address: 'http://vault.example:8200', token: 't' }));
    assertWhole(plain.message, ['vault:secret/x', 'http://', 'vault.example', 'https://vault.example:8200'], 'http Vault');
    const noToken = caught(() => new VaultHttp('vault:secret/x', { address: 'https://vault.example', token: '' }));
    assertWhole(noToken.message, ['vault:secret/x', 'Langfuse Access: Set Vault Token…', 'VAULT_TOKEN'], 'no Vault token');
    const port = await freePort();
    const unreachable = await rejected(new VaultHttp('vault:secret/x', { address: `http://127.0.0.1:${port}`, token: 't', timeoutMs: 5000 }).call('GET', 'secret/data/x'));
    assertWhole(unreachable.message, ['vault:secret/x', `http://127.0.0.1:${port}`, 'ECONNREFUSED'], 'Vault unreachable');

    const storage = caught(() => createSink('secretstorage', { lockDir: dir }));
    assertWhole(storage.message, ['secretstorage', 'env:, aws-sm:, pass:', 'vault:'], 'secretstorage outside VS Code');

    for (const id of ['vault', 'siem'] as const) {
      assertWhole(SINK_TOKENS[id].label, [], `${id} label`);
      assertWhole(SINK_TOKENS[id].prompt, ['langfuseAccess.secretManagers.vault.address', 'langfuseAccess.auditForwarding.siem.url'], `${id} prompt`);
    }
    for (const bad of ['', 'a b', 'sk-lf-1', 'x'.repeat(9000)]) assertWhole(sinkTokenProblem(bad)!, ['8192'], `token problem "${bad.slice(0, 8)}"`);
    const decision = vaultTokenDecision({ kind: 'unreachable', message: unreachable.message });
    assert.ok(decision.message.startsWith('[') && decision.message.includes(unreachable.message));
  });

  it('plan input and Restricted Mode refusals are whole sentences with flags and targets as written', () => {
    const request = { project: 'p', key: OLD.publicKey, targets: [] as string[], scan: [], mode: 'normal' as const, probeTraces: false };
    for (const r of [{ ...request, project: undefined }, { ...request, key: undefined }, request, { ...request, targets: ['secretstorage'] }]) {
      const err = caught(() => checkPlanRequest(r, dir));
      assert.ok(err instanceof PlanInputError);
      assertWhole(err.message, ['--project NAME', '--key pk-lf-…', '--to TARGET', ...HEADLESS_SINK_FORMS, 'secretstorage', 'env:, aws-sm:, pass:', 'vault:'], 'plan input');
    }
    assertWhole(restrictedModeRotationRefusal(false)!, ['langfuse-access rotate'], 'Restricted Mode refusal');
    const untrusted = caught(() => refuseUntrustedTargets([`env:${dir}/.env`], false));
    assertWhole(untrusted.message, [`env:${dir}/.env`, 'secretstorage, aws-sm:, pass:, vault:'], 'untrusted .env target');
  });

  describe('a rotation against the sandbox', () => {
    let h: Harness;
    afterEach(async () => { await h?.close(); await closeAllHostGates(); });

    it('every progress line, note and the evidence are translated; a refused plan too', async () => {
      h = await startHarness();
      const a = h.envFile('app/.env');
      const engine = h.engine();
      const plan = { mode: 'normal' as const, connection: { id: 'acme', baseUrl: h.sandbox.url }, project: { name: PROJECT.name }, oldPublicKey: OLD.publicKey, targets: [`env:${a}`], scanPaths: [h.workspace], workspaceTrusted: true, probeTraces: true };
      const noProject = await rejected(engine.start({ ...plan, project: { name: 'nope' } }, h.callbacks()));
      assertWhole(noProject.message, ['nope'], 'unknown project');
      const { id } = await engine.start(plan, h.callbacks());
      const done = await engine.run(id, h.callbacks());
      assert.equal(done.outcome, 'completed', JSON.stringify(done));
      const newKey = done.journal.newKey!.publicKey;
      const data = [id, OLD.publicKey, newKey, `env:${a}`, a, PROJECT.name, 'normal', h.workspace, h.stateDir, `${OLD.publicKey.slice(0, 10)}`, 'GET /api/public/v2/observations'];
      const lines = h.events.flatMap(e => ('message' in e ? [e.message] : []));
      assert.ok(lines.length >= 10, `only ${lines.length} lines`);
      for (const line of lines) assertWhole(line, data, 'progress line');
    });
  });

  it('the trace probe, when nothing answers, says so in one translated sentence with the reasons as clauses', async () => {
    const port = await freePort();
    const client = createLangfuseClient({ baseUrl: `http://127.0.0.1:${port}`, publicKey: OLD.publicKey, secretKey: OLD.secretKey, retry: { attempts: 1 } });
    const probe = await probeTraces(client, '2026-12-07T10:00:00.000Z', () => new Date('2026-12-07T10:05:00.000Z'));
    assert.ok(probe.unavailable);
    assert.ok(isTranslated(probe.unavailable), probe.unavailable);
    // Each reason is a translated clause ("[… failed: <the client's own message>]"); the client's message is not ours.
    const reasons = probe.unavailable.slice(probe.unavailable.indexOf(': [') + 2);
    assert.ok(reasons.startsWith('[GET /api/public/v2/observations ƒȧīŀḗḓ: '), reasons);
    const line = describeProbe(probe, PROJECT.name);
    assert.ok(isTranslated(line) && line.includes(probe.unavailable.slice(1)), line);
    assert.deepEqual(untranslatedEnglish(line.split(': [')[0], ['GET /api/public/health', `127.0.0.1:${port}`]), [], line);
    await closeAllHostGates();
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>(resolve => server.close(() => resolve()));
  return port;
}
