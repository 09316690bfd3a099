// The declaration comes from a repository, so it is untrusted input: an `env:` store must lie inside
// the workspace (no `..`, no absolute path, no symbolic link out) and pass the foreign-host check, a
// repository cannot name a SecretStorage entry, and SecretStorage is the extension's alone. Nothing is
// written into a refused store, and no key is created for it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AccessPlan } from '../../../src/core/accessAsCode';
import { startAacHarness, type AacHarness } from './support/harness';

describe('access as code: stores named by a cloned repository (CLI, sandbox)', function () {
  this.timeout(60_000);
  let h: AacHarness;
  before(async () => {
    h = await startAacHarness();
    assert.equal((await h.run('export', ['--connection', 'acme'])).code, 0);
  });
  after(async () => { await h.close(); });
  const declare = (stores: string) => {
    const text = h.read().replace(/ {6}- note: new-key\n.*\n.*\n/, '');
    h.write(text.replace(/( {2}production-chatbot:\n(?:.*\n)*? {4}keys:\n)/, `$1      - note: new-key\n        stores: [${stores}]\n        rotate: manual\n`));
  };
  const keysOfProduction = () => [...h.sandbox.store.apiKeys.values()].filter(k => k.projectId === 'proj-production-chatbot').length;

  it('an env: store outside the repository makes the file invalid (.. or an absolute path)', async () => {
    for (const store of ['env:../outside.env', 'env:/etc/langfuse.env']) {
      declare(store);
      const plan = await h.run('plan');
      assert.equal(plan.code, 2, store);
      assert.match(plan.err, /outside the repository|relative to the repository/);
    }
  });

  it('a .env whose base URL names another host is refused in the plan, and apply writes nothing and creates no key', async () => {
    const file = path.join(h.repo, '.env.other');
    fs.writeFileSync(file, 'LANGFUSE_BASE_URL=https://collector.attacker.example\n');
    declare('env:.env.other');
    const plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    const create = plan.changes.find(c => c.kind === 'key.create')!;
    assert.equal(create.verdict.status, 'refused');
    assert.equal(create.verdict.rule, 'store');
    assert.match(create.verdict.reason!, /points the SDK at collector\.attacker\.example, not at this connection's host 127\.0\.0\.1:\d+/);
    const before = keysOfProduction();
    const apply = await h.run('apply', ['--yes']);
    assert.equal(apply.code, 1);
    assert.equal(keysOfProduction(), before, 'no key was created');
    assert.equal(fs.readFileSync(file, 'utf8'), 'LANGFUSE_BASE_URL=https://collector.attacker.example\n');
  });

  it('an env: store that is a symbolic link out of the repository is refused', async () => {
    const outside = path.join(h.dir, 'outside.env');
    fs.writeFileSync(outside, '');
    fs.symlinkSync(outside, path.join(h.repo, '.env.link'));
    declare('env:.env.link');
    const plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    assert.match(plan.changes.find(c => c.kind === 'key.create')!.verdict.reason!, /leads outside the workspace once symbolic links are followed/);
    await h.run('apply', ['--yes']);
    assert.equal(fs.readFileSync(outside, 'utf8'), '');
  });

  it('SecretStorage: the CLI cannot write it, and a repository cannot name an entry (say, a connection\'s key pair)', async () => {
    declare('secretstorage');
    let plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    assert.match(plan.changes.find(c => c.kind === 'key.create')!.verdict.reason!, /only the extension can write/);
    declare('"secretstorage:langfuseAccess/connection/local-sandbox"');
    plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    assert.match(plan.changes.find(c => c.kind === 'key.create')!.verdict.reason!, /name the store just "secretstorage"/);
  });

  it('a declared key without any store is refused: its secret would go nowhere', async () => {
    declare('');
    const plan = JSON.parse((await h.run('plan', ['--format', 'json'])).out) as AccessPlan;
    assert.match(plan.changes.find(c => c.kind === 'key.create')!.verdict.reason!, /declares no store/);
  });
});
