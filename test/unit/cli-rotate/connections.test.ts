// How CLI commands find their Langfuse connection (real files in a temp config folder).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConnectionConfigError, loadCliConfig, resolveCliConnection } from '../../../src/core/connections/cliConfig';

const ORG = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-a0000000-0000-4000-8000-000000000001' };

describe('cli: connection resolution', () => {
  let dir: string;
  let env: Record<string, string>;
  const configFile = () => path.join(dir, 'cfg', 'langfuse-access', 'connections.yaml');
  const writeConfig = (text: string) => { fs.mkdirSync(path.dirname(configFile()), { recursive: true }); fs.writeFileSync(configFile(), text); };
  const writeCreds = (name: string, body: string, mode = 0o600) => { const f = path.join(dir, name); fs.writeFileSync(f, body, { mode }); fs.chmodSync(f, mode); return f; };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-conn-'));
    env = { XDG_CONFIG_HOME: path.join(dir, 'cfg') };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes the pair and address from LANGFUSE_ACCESS_* environment variables', () => {
    const c = resolveCliConnection({ env: { ...env, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey, LANGFUSE_ACCESS_BASE_URL: 'https://cloud.langfuse.com/' }, cwd: dir });
    assert.deepEqual({ ...c }, { id: undefined, name: undefined, baseUrl: 'https://cloud.langfuse.com', ...ORG, credentialsSource: 'LANGFUSE_ACCESS_PUBLIC_KEY/LANGFUSE_ACCESS_SECRET_KEY' });
  });

  it('names a connection from connections.yaml and reads its 0600 credentials file (YAML, relative to the config folder)', () => {
    writeConfig(`connections:\n  - id: acme\n    name: Acme Corp\n    baseUrl: https://langfuse.acme.example\n    credentialsFile: acme.yaml\nsecretManagers:\n  vault:\n    address: https://vault.acme.example\n`);
    const creds = path.join(path.dirname(configFile()), 'acme.yaml');
    fs.writeFileSync(creds, `publicKey: ${ORG.publicKey}\nsecretKey: ${ORG.secretKey}\n`, { mode: 0o600 });
    for (const name of ['acme', 'Acme Corp']) {
      const c = resolveCliConnection({ env, cwd: dir }, name);
      assert.equal(c.id, 'acme');
      assert.equal(c.baseUrl, 'https://langfuse.acme.example');
      assert.equal(c.secretKey, ORG.secretKey);
      assert.equal(c.credentialsSource, creds);
    }
    assert.equal(loadCliConfig(env).secretManagers.vault?.address, 'https://vault.acme.example');
  });

  it('accepts the plain-list form and the sandbox --credentials-out file', () => {
    writeConfig('- { id: local, name: Local, baseUrl: "http://127.0.0.1:3000" }\n');
    const f = writeCreds('sandbox.json', JSON.stringify({ baseUrl: 'http://127.0.0.1:3000', organization: ORG, projects: {} }));
    const c = resolveCliConnection({ env: { ...env, LANGFUSE_ACCESS_CREDENTIALS_FILE: f }, cwd: dir }, 'local');
    assert.equal(c.publicKey, ORG.publicKey);
    assert.equal(c.baseUrl, 'http://127.0.0.1:3000');
  });

  it('refuses a credentials file others can read, saying how to fix it, without showing the secret', () => {
    const f = writeCreds('creds.json', JSON.stringify({ ...ORG, baseUrl: 'https://cloud.langfuse.com' }), 0o644);
    assert.throws(() => resolveCliConnection({ env: { ...env, LANGFUSE_ACCESS_CREDENTIALS_FILE: f }, cwd: dir }),
      (e: Error) => e instanceof ConnectionConfigError && /readable by others \(mode 644\)\. Run: chmod 600/.test(e.message) && !e.message.includes('sk-lf-'));
    fs.chmodSync(f, 0o600);
    assert.equal(resolveCliConnection({ env: { ...env, LANGFUSE_ACCESS_CREDENTIALS_FILE: f }, cwd: dir }).baseUrl, 'https://cloud.langfuse.com');
  });

  it('gives clear errors: unknown connection, half a pair, plain http to a remote host, broken YAML, no pair at all', () => {
    writeConfig('connections:\n  - { id: acme, name: Acme, baseUrl: "http://langfuse.acme.example" }\n');
    assert.throws(() => resolveCliConnection({ env, cwd: dir }, 'prod'), /There is no connection "prod" in .*connections\.yaml \(known: acme\)/);
    assert.throws(() => resolveCliConnection({ env: { ...env, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey }, cwd: dir }, 'acme'), /Set both LANGFUSE_ACCESS_PUBLIC_KEY and LANGFUSE_ACCESS_SECRET_KEY/);
    assert.throws(() => resolveCliConnection({ env: { ...env, LANGFUSE_ACCESS_PUBLIC_KEY: ORG.publicKey, LANGFUSE_ACCESS_SECRET_KEY: ORG.secretKey }, cwd: dir }, 'acme'), /Refusing http:\/\/ for langfuse\.acme\.example/);
    assert.throws(() => resolveCliConnection({ env, cwd: dir }, 'acme'), /No key pair for connection "acme".*never read from the command line/);
    writeConfig('connections: [');
    assert.throws(() => resolveCliConnection({ env, cwd: dir }), /connections\.yaml is not valid YAML/);
  });
});
