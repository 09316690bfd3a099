// Against the real moto_server (the image's Python) with the real AWS SDK over HTTP.
// No moto, no pass: startMoto() throws and this suite FAILS loudly instead of skipping.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as sm from '@aws-sdk/client-secrets-manager';
import { AwsSecretsManagerSink, clientRequestToken, type AwsSinkConfig } from '../../../src/core/secrets/aws/awsSecretsManagerSink';
import { SinkConfigError, SinkConflictError, SinkNetworkError, SinkNotFoundError, SinkPermissionError } from '../../../src/core/secrets/errors';
import { fingerprintSecret } from '../../../src/core/secrets/fingerprint';
import { FAKE_AWS_ENV, startMoto, type MotoServer } from '../../support/peers/moto';
import { freePort } from '../../support/peers/freePort';
import { assertNoSecretIn, canaryPair, NEW_PAIR, OLD_PAIR } from './support/pairs';

const credentials = { accessKeyId: FAKE_AWS_ENV.AWS_ACCESS_KEY_ID, secretAccessKey: FAKE_AWS_ENV.AWS_SECRET_ACCESS_KEY };
const ID = 'acme/production-chatbot/langfuse';

describe('secrets: AWS Secrets Manager sink (real moto_server + real AWS SDK)', function () {
  this.timeout(30000);
  let moto: MotoServer;
  let client: sm.SecretsManagerClient;
  let config: AwsSinkConfig;

  before(async () => {
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    moto = await startMoto();
    config = { endpoint: moto.endpoint, region: 'us-east-1', credentials, maxAttempts: 1 };
    client = new sm.SecretsManagerClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials });
  });
  after(async () => { await moto?.stop(); });
  beforeEach(async () => { await moto.reset(); });

  const stages = async () => (await client.send(new sm.DescribeSecretCommand({ SecretId: ID }))).VersionIdsToStages ?? {};
  const valueAt = async (VersionStage: string) => JSON.parse((await client.send(new sm.GetSecretValueCommand({ SecretId: ID, VersionStage }))).SecretString ?? '{}');
  const seedOld = async () => client.send(new sm.CreateSecretCommand({ Name: ID, SecretString: JSON.stringify({ DATABASE_URL: 'postgres://db/app', LANGFUSE_PUBLIC_KEY: OLD_PAIR.publicKey, LANGFUSE_SECRET_KEY: OLD_PAIR.secretKey }) }));

  it('creates a missing secret as JSON with all three fields', async () => {
    const sink = new AwsSecretsManagerSink(ID, config);
    assert.equal((await sink.read()).exists, false);
    const receipt = await sink.write(NEW_PAIR);
    assert.deepEqual(await valueAt('AWSCURRENT'), { LANGFUSE_PUBLIC_KEY: NEW_PAIR.publicKey, LANGFUSE_SECRET_KEY: NEW_PAIR.secretKey, LANGFUSE_BASE_URL: NEW_PAIR.baseUrl });
    assert.equal(receipt.version, clientRequestToken(ID, NEW_PAIR));
    assert.equal(receipt.state.secretFingerprint, fingerprintSecret(NEW_PAIR.secretKey));
  });

  it('rotates via AWSPENDING → AWSCURRENT, keeps the old version as AWSPREVIOUS and other fields intact', async () => {
    const created = await seedOld();
    const sink = new AwsSecretsManagerSink(ID, config);
    const snap = await sink.snapshot();
    assert.equal(snap.holdsSecret, false, 'an AWS snapshot is a version id, not a secret');
    const receipt = await sink.write(NEW_PAIR, { expectedPrevious: snap.state });
    assert.deepEqual(await stages(), { [created.VersionId!]: ['AWSPREVIOUS'], [receipt.version]: ['AWSCURRENT'] }, 'no AWSPENDING label is left behind');
    const current = await valueAt('AWSCURRENT');
    assert.equal(current.DATABASE_URL, 'postgres://db/app');
    assert.equal(current.LANGFUSE_SECRET_KEY, NEW_PAIR.secretKey);
    assert.equal((await valueAt('AWSPREVIOUS')).LANGFUSE_SECRET_KEY, OLD_PAIR.secretKey);
    assert.equal((await sink.readBack(NEW_PAIR)).matches, true);
  });

  it('a write repeated after a crash between PutSecretValue and the stage move completes without a second version', async () => {
    await seedOld();
    const sink = new AwsSecretsManagerSink(ID, config);
    const token = clientRequestToken(ID, NEW_PAIR);
    // The state a killed process leaves: the new value staged AWSPENDING, AWSCURRENT unchanged.
    await client.send(new sm.PutSecretValueCommand({ SecretId: ID, ClientRequestToken: token, VersionStages: ['AWSPENDING'], SecretString: JSON.stringify({ DATABASE_URL: 'postgres://db/app', LANGFUSE_PUBLIC_KEY: NEW_PAIR.publicKey, LANGFUSE_SECRET_KEY: NEW_PAIR.secretKey, LANGFUSE_BASE_URL: NEW_PAIR.baseUrl }) }));
    const receipt = await sink.write(NEW_PAIR);
    assert.equal(receipt.version, token);
    assert.equal(Object.keys(await stages()).length, 2);
    const again = await sink.write(NEW_PAIR);
    assert.equal(again.unchanged, true);
    assert.equal(Object.keys(await stages()).length, 2);
  });

  it('a rollback after a write killed before its stage move also clears the AWSPENDING label of the new pair', async () => {
    const created = await seedOld();
    const sink = new AwsSecretsManagerSink(ID, config);
    const snap = await sink.snapshot();
    await client.send(new sm.PutSecretValueCommand({ SecretId: ID, ClientRequestToken: clientRequestToken(ID, NEW_PAIR), VersionStages: ['AWSPENDING'], SecretString: JSON.stringify({ LANGFUSE_PUBLIC_KEY: NEW_PAIR.publicKey, LANGFUSE_SECRET_KEY: NEW_PAIR.secretKey }) }));
    await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
    const labels = await stages();
    assert.deepEqual(labels[created.VersionId!], ['AWSCURRENT']);
    assert.ok(!Object.values(labels).flat().includes('AWSPENDING'));
  });

  it('refuses with a conflict when AWSCURRENT moved since the snapshot, and changes nothing', async () => {
    await seedOld();
    const sink = new AwsSecretsManagerSink(ID, config);
    const snap = await sink.snapshot();
    const other = canaryPair(3);
    await client.send(new sm.PutSecretValueCommand({ SecretId: ID, SecretString: JSON.stringify({ LANGFUSE_PUBLIC_KEY: other.publicKey, LANGFUSE_SECRET_KEY: other.secretKey }) }));
    const before = await stages();
    await assert.rejects(sink.write(NEW_PAIR, { expectedPrevious: snap.state }), (err: Error) => err instanceof SinkConflictError && /AWSCURRENT is now version/.test(err.message));
    assert.deepEqual(await stages(), before);
    await assert.rejects(sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) }), SinkConflictError);
  });

  it('concurrent writers: each write succeeds, AWSCURRENT ends on one complete pair, one AWSPREVIOUS, no AWSPENDING', async () => {
    const created = await seedOld();
    const pairs = [1, 2, 3, 4, 5].map(canaryPair);
    const receipts = await Promise.all(pairs.map(p => new AwsSecretsManagerSink(ID, config).write(p)));
    assert.equal(receipts.length, 5);
    const current = await valueAt('AWSCURRENT');
    const winner = pairs.find(p => p.publicKey === current.LANGFUSE_PUBLIC_KEY);
    assert.ok(winner);
    assert.equal(current.LANGFUSE_SECRET_KEY, winner.secretKey);
    const labels = Object.values(await stages()).flat();
    assert.equal(labels.filter(l => l === 'AWSCURRENT').length, 1);
    assert.equal(labels.filter(l => l === 'AWSPREVIOUS').length, 1);
    assert.ok(!labels.includes('AWSPENDING'), 'no AWSPENDING label is left for a rotation Lambda to trip over');
    assert.ok(!(await stages())[created.VersionId!]?.includes('AWSCURRENT'));
  });

  it('restore moves AWSCURRENT back to the old version; a secret the write created is deleted again', async () => {
    const created = await seedOld();
    const sink = new AwsSecretsManagerSink(ID, config);
    const snap = await sink.snapshot();
    await sink.write(NEW_PAIR);
    const restored = await sink.restore(snap, { onlyIfHolding: fingerprintSecret(NEW_PAIR.secretKey) });
    assert.equal(restored.version, created.VersionId);
    assert.equal((await valueAt('AWSCURRENT')).LANGFUSE_SECRET_KEY, OLD_PAIR.secretKey);
    await sink.restore(snap); // idempotent

    const fresh = new AwsSecretsManagerSink('acme/new-secret', config);
    const freshSnap = await fresh.snapshot();
    await fresh.write(NEW_PAIR);
    assert.equal((await fresh.restore(freshSnap)).exists, false);
  });

  it('refuses to overwrite a secret that is not a JSON object', async () => {
    await client.send(new sm.CreateSecretCommand({ Name: ID, SecretString: 'plain-password' }));
    const sink = new AwsSecretsManagerSink(ID, config);
    await assert.rejects(sink.write(NEW_PAIR), (err: Error) => err instanceof SinkConflictError && /not a JSON object/.test(err.message));
    assert.equal((await client.send(new sm.GetSecretValueCommand({ SecretId: ID }))).SecretString, 'plain-password');
  });

  it('not found: an ARN that names no secret cannot be created and says how to proceed', async () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:acme/missing-AbCdEf';
    await assert.rejects(new AwsSecretsManagerSink(arn, config).write(NEW_PAIR), (err: Error) => err instanceof SinkNotFoundError && /give a secret name/.test(err.message));
    assert.equal((await client.send(new sm.ListSecretsCommand({}))).SecretList?.length, 0);
  });

  it('no permission: a server that enforces IAM answers with a permission error naming the IAM actions', async () => {
    const strict = await startMoto({ env: { INITIAL_NO_AUTH_ACTION_COUNT: '0' } });
    try {
      const sink = new AwsSecretsManagerSink(ID, { ...config, endpoint: strict.endpoint });
      await assert.rejects(sink.write(NEW_PAIR), (err: Error) => {
        assert.ok(err instanceof SinkPermissionError, `${err.name}: ${err.message}`);
        assert.match(err.message, /secretsmanager:.*PutSecretValue/);
        assertNoSecretIn(err.message + JSON.stringify(err));
        return true;
      });
    } finally {
      await strict.stop();
    }
  });

  it('network: an endpoint nobody listens on gives a network error; plain http off loopback is refused', async () => {
    const port = await freePort();
    const sink = new AwsSecretsManagerSink(ID, { ...config, endpoint: `http://127.0.0.1:${port}` });
    await assert.rejects(sink.write(NEW_PAIR), (err: Error) => err instanceof SinkNetworkError && /could not be reached/.test(err.message) && !err.message.includes(NEW_PAIR.secretKey));
    assert.throws(() => new AwsSecretsManagerSink(ID, { endpoint: 'http://secrets.acme.example' }), SinkConfigError);
  });

  it('uses a named profile (credentials and region from the AWS config files); an unknown profile is a permission error with the sign-in step', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-aws-'));
    const saved = { ...process.env };
    try {
      fs.writeFileSync(path.join(dir, 'credentials'), '[acme]\naws_access_key_id = AKIDACMEEXAMPLE\naws_secret_access_key = test\n');
      fs.writeFileSync(path.join(dir, 'config'), '[profile acme]\nregion = eu-west-1\n');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
      process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
      for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_PROFILE']) delete process.env[k];
      const sink = new AwsSecretsManagerSink(ID, { endpoint: moto.endpoint, profile: 'acme', maxAttempts: 1 });
      await sink.write(NEW_PAIR);
      const eu = new sm.SecretsManagerClient({ endpoint: moto.endpoint, region: 'eu-west-1', credentials });
      const arn = (await eu.send(new sm.DescribeSecretCommand({ SecretId: ID }))).ARN ?? '';
      assert.match(arn, /^arn:aws:secretsmanager:eu-west-1:/, 'the region came from the profile');
      const unknown = new AwsSecretsManagerSink(ID, { endpoint: moto.endpoint, profile: 'nosuch', region: 'us-east-1', maxAttempts: 1 });
      await assert.rejects(unknown.read(), (err: Error) => err instanceof SinkPermissionError && /aws sso login --profile nosuch/.test(err.message));
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not load the AWS SDK until a sink is used (not on the activation path)', () => {
    const root = path.resolve(__dirname, '../../..');
    const count = execFileSync(process.execPath, ['--import', 'tsx', '-e', "require('./src/core/secrets/aws/awsSecretsManagerSink'); console.log(Object.keys(require.cache).filter(k => k.includes('@aws-sdk')).length)"], { cwd: root, encoding: 'utf8' });
    assert.equal(count.trim(), '0');
  });
});
