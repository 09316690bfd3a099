// The access file's publicKeys list as a rotation target: the one key replaced in place (every other
// byte kept), rolled back to the exact bytes, links and paths out of the workspace refused.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { replacePublicKey } from '../../../src/core/access/publicKeysEdit';
import { createSink, parseSinkTarget, SinkConfigError, SinkConflictError } from '../../../src/core/secrets';

const OLD = 'pk-lf-c2000000-0000-4000-8000-000000000001';
const NEW = 'pk-lf-9f000000-0000-4000-8000-00000000abcd';
const SECRET = 'sk-lf-canary-9f000000-0000-4000-8000-00000000abcd';
const TEXT = `# Workspace access file   (comments, odd spacing and quoting must survive)
version: 1
connection: local-sandbox
environments:
  production:
    project: production-chatbot
    publicKeys: ["pk-lf-b1000000-0000-4000-8000-000000000001"]
  staging:
    project: staging-chatbot   # the staging project
    files: [".env.staging", ".env.local"]
    publicKeys:
      - 'pk-lf-e5000000-0000-4000-8000-000000000001'   # worker
      - ${OLD}   # web
    writers: ["senior-dev@acme.com"]
`;

describe('secrets: access:PATH#ENVIRONMENT (publicKeys of a workspace access file)', () => {
  let dir: string;
  let file: string;
  const sink = (spec = `access:${file}#staging`) => createSink(spec, { lockDir: path.join(dir, 'locks'), workspaceRoots: [path.join(dir, 'ws')], cwd: path.join(dir, 'ws') });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-access-sink-'));
    file = path.join(dir, 'ws', '.langfuse', 'access.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, TEXT);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses and formats the spec (relative path made absolute); the environment is required', () => {
    assert.deepEqual(parseSinkTarget('access:.langfuse/access.yaml#staging', '/work'), { kind: 'access', path: '/work/.langfuse/access.yaml', environment: 'staging' });
    assert.throws(() => parseSinkTarget('access:.langfuse/access.yaml'), (e: Error) => e instanceof SinkConfigError && /access:\.langfuse\/access\.yaml#production/.test(e.message));
  });

  it('replaces only the old key: every other byte kept, no secret written; rollback restores the exact bytes', async () => {
    const s = sink().forRotation!({ old: OLD, next: NEW });
    const before = await s.snapshot();
    assert.equal(before.state.publicKey, OLD);
    assert.equal(before.holdsSecret, false);
    const receipt = await s.write({ publicKey: NEW, secretKey: SECRET, baseUrl: 'http://127.0.0.1:1' }, { expectedPrevious: before.state });
    assert.equal(receipt.unchanged, false);
    const after = fs.readFileSync(file, 'utf8');
    assert.equal(after, TEXT.replace(`- ${OLD}   # web`, `- ${NEW}   # web`));
    assert.ok(!after.includes('sk-lf-') && !after.includes('127.0.0.1'), 'only the public key is written');
    assert.deepEqual(await s.readBack({ publicKey: NEW, secretKey: SECRET }), { matches: true, state: (await s.read()) });
    assert.equal((await s.write({ publicKey: NEW, secretKey: SECRET })).unchanged, true, 'a resumed push is a no-op');

    await s.restore(before);
    assert.equal(fs.readFileSync(file, 'utf8'), TEXT, 'byte for byte');
    await s.restore(before);
    assert.equal(fs.readFileSync(file, 'utf8'), TEXT, 'restoring twice is fine');
  });

  it('keeps the quoting of a flow list entry', () => {
    const out = replacePublicKey(TEXT, 'production', 'pk-lf-b1000000-0000-4000-8000-000000000001', NEW);
    assert.equal(out, TEXT.replace('publicKeys: ["pk-lf-b1000000-0000-4000-8000-000000000001"]', `publicKeys: ["${NEW}"]`));
  });

  it('a list naming other keys holds "another key"; a rollback after someone changed the entry is a conflict, not an overwrite', async () => {
    const other = sink(`access:${file}#production`).forRotation!({ old: OLD });
    assert.equal((await other.read()).publicKey, 'pk-lf-b1000000-0000-4000-8000-000000000001');
    await assert.rejects(other.write({ publicKey: NEW, secretKey: SECRET }), SinkConflictError);
    assert.equal(fs.readFileSync(file, 'utf8'), TEXT);

    const s = sink().forRotation!({ old: OLD, next: NEW });
    const before = await s.snapshot();
    await s.write({ publicKey: NEW, secretKey: SECRET }, { expectedPrevious: before.state });
    const edited = fs.readFileSync(file, 'utf8').replace(NEW, 'pk-lf-77000000-0000-4000-8000-000000000001');
    fs.writeFileSync(file, edited);
    await assert.rejects(s.restore(before), (e: Error) => e instanceof SinkConflictError && /no longer names the key this rotation wrote/.test(e.message));
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
  });

  it('refuses a symbolic link and an environment without publicKeys, before anything is written', async () => {
    const outside = path.join(dir, 'elsewhere.yaml');
    fs.writeFileSync(outside, TEXT);
    fs.rmSync(file);
    fs.symlinkSync(outside, file);
    assert.throws(() => sink(), (e: Error) => e instanceof SinkConfigError && /symbolic link/.test(e.message));
    assert.equal(fs.readFileSync(outside, 'utf8'), TEXT);
    fs.rmSync(file);
    fs.writeFileSync(file, TEXT);
    await assert.rejects(sink(`access:${file}#analytics`).read(), (e: Error) => e instanceof SinkConfigError && /no environment "analytics"/.test(e.message));
  });
});
