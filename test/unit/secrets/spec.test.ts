import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSink } from '../../../src/core/secrets/createSink';
import { SinkConfigError } from '../../../src/core/secrets/errors';
import { SecretManagersSettings } from '../../../src/core/secrets/settings';
import { formatSinkTarget, parseSinkTarget } from '../../../src/core/secrets/spec';
import { vaultFromEnvironment } from '../../../src/core/secrets/vault/vaultEnvironment';
import { MemorySecretStorage } from './support/memorySecretStorage';

describe('secrets: target specs and the sink factory', () => {
  it('parses every CLI target form and formats it back (env paths made absolute)', () => {
    const cases: [string, string][] = [
      ['secretstorage', 'secretstorage'],
      ['env:./app/.env', 'env:/work/app/.env'],
      ['aws-sm:acme/production/langfuse', 'aws-sm:acme/production/langfuse'],
      ['aws-sm:arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme-AbCdEf', 'aws-sm:arn:aws:secretsmanager:eu-west-1:123456789012:secret:acme-AbCdEf'],
      ['pass:team/langfuse/prod', 'pass:team/langfuse/prod'],
      ['vault:secret/langfuse/prod', 'vault:secret/langfuse/prod'],
    ];
    for (const [spec, canonical] of cases) assert.equal(formatSinkTarget(parseSinkTarget(spec, '/work')), canonical, spec);
    assert.deepEqual(parseSinkTarget('env:~/app/.env', '/work'), { kind: 'env', path: path.join(os.homedir(), 'app/.env') });
  });

  it('rejects malformed specs with the expected form in the message', () => {
    for (const [spec, hint] of [['env:', 'env:./.env'], ['vault:secret', 'vault:secret/langfuse/production'], ['aws-sm:has space', 'aws-sm:'], ['s3:bucket', 'env:PATH'], ['', 'secretstorage']]) {
      assert.throws(() => parseSinkTarget(spec), (err: Error) => err instanceof SinkConfigError && err.message.includes(hint), spec);
    }
  });

  it('builds each sink from settings; refuses what cannot work with a next step', () => {
    const lockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-locks-'));
    try {
      const settings = SecretManagersSettings.parse({ aws: { region: 'eu-west-1', profile: 'acme' }, vault: { address: 'https://vault.acme.example:8200', namespace: 'acme' }, pass: { storeDir: '/srv/pass' } });
      const opts = { settings, lockDir, cwd: '/work', vaultToken: 'hvs.x', secretStorage: { storage: new MemorySecretStorage(), defaultKey: 'langfuseAccess/connection/acme' } };
      assert.equal(createSink('env:.env', opts).describe(), '.env file /work/.env');
      assert.equal(createSink('aws-sm:acme/prod', opts).describe(), 'AWS Secrets Manager secret acme/prod (region eu-west-1, profile acme)');
      assert.equal(createSink('pass:team/prod', opts).describe(), 'pass entry team/prod in /srv/pass');
      assert.equal(createSink('vault:secret/lf', opts).describe(), 'Vault KV v2 secret secret/lf at https://vault.acme.example:8200 (namespace acme)');
      assert.equal(createSink('secretstorage', opts).target, 'secretstorage:langfuseAccess/connection/acme');
      assert.throws(() => createSink('secretstorage', { lockDir }), (err: Error) => err instanceof SinkConfigError && /only inside VS Code/.test(err.message));
      assert.throws(() => createSink('vault:secret/lf', { lockDir, vaultToken: 'hvs.x' }), (err: Error) => err instanceof SinkConfigError && /vault\.address/.test(err.message));
      assert.throws(() => createSink('vault:secret/lf', { lockDir, settings }), (err: Error) => err instanceof SinkConfigError && /VAULT_TOKEN/.test(err.message));
      assert.throws(() => createSink('aws-sm:x', { lockDir, settings: { aws: { endpoint: 'http://10.0.0.5:4566' } } }), (err: Error) => err instanceof SinkConfigError && /only https/.test(err.message));
    } finally {
      fs.rmSync(lockDir, { recursive: true, force: true });
    }
  });

  it('reads the Vault CLI\'s variables for the langfuse-access CLI, including a CA file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-venv-'));
    try {
      fs.writeFileSync(path.join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      assert.deepEqual(vaultFromEnvironment({ VAULT_ADDR: 'https://vault.acme.example', VAULT_TOKEN: 'hvs.t', VAULT_NAMESPACE: 'acme', VAULT_CACERT: path.join(dir, 'ca.pem') }),
        { address: 'https://vault.acme.example', token: 'hvs.t', namespace: 'acme', caCertPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
      assert.deepEqual(vaultFromEnvironment({}), {});
      assert.throws(() => vaultFromEnvironment({ VAULT_CACERT: path.join(dir, 'missing.pem') }), (err: Error) => err instanceof SinkConfigError && /ENOENT/.test(err.message));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
