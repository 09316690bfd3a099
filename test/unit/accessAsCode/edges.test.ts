// Apply through each edge's session port (the extension's over a scripted prompter and an in-memory
// SecretStorage, the CLI's with --yes): one confirmation for the plan, none per change, OWNER/ADMIN
// grants asked again; a `secretstorage` store is the extension's; and an apply stopped half-way is
// reported exactly by the next one, which finishes the job.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyAccess, exportAccess, loadAccessWorkspace, planAccess, type AccessWorkspace } from '../../../src/core/accessAsCode';
import { closeAllHostGates } from '../../../src/core/langfuse';
import { SecretKeys } from '../../../src/core/names';
import { SessionHost } from '../../../src/core/session';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';
import { edgeRun, type EdgeRun } from '../session/support/edges';

describe('access as code through both edges\' session ports (sandbox)', function () {
  this.timeout(60_000);
  let sandbox: SandboxHandle;
  let run: EdgeRun;
  let repo: string;
  beforeEach(async () => { sandbox = await startSandbox({ world: 'acme' }); });
  afterEach(async () => { run?.dispose(); await sandbox.close(); await closeAllHostGates(); if (repo) fs.rmSync(repo, { recursive: true, force: true }); });

  async function prepare(edge: 'extension' | 'cli', edit: (text: string) => string) {
    run = edgeRun(edge, 'engineering-lead@acme.com');
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-aac-edge-'));
    const host = new SessionHost(run.port);
    const session = host.session({ id: 'acme', baseUrl: sandbox.url, pair: sandbox.credentials.organization });
    const file = path.join(repo, '.langfuse', 'access.yaml');
    await exportAccess(session, file);
    fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
    const ws = (): AccessWorkspace => loadAccessWorkspace(file, { stores: { workspaceRoots: [repo], secretStorage: edge === 'extension' }, defaultMaxAgeDays: 90 });
    return { host, session, ws };
  }

  it('extension: the plan is confirmed once, each ADMIN grant again; a secretstorage store gets the new key', async () => {
    const { session, ws } = await prepare('extension', t => t
      .replace('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: ADMIN}')
      .replace('{email: senior-dev@acme.com, role: ADMIN}', '{email: senior-dev@acme.com, role: VIEWER}')
      .replace('        rotate: manual\n  staging-chatbot', '        rotate: manual\n      - note: notebook\n        stores: [secretstorage]\n        rotate: manual\n  staging-chatbot'));
    const report = await applyAccess(session, { ws: ws(), allowDestroy: false });
    assert.equal(report.status, 'applied', JSON.stringify(report.entries));
    assert.deepEqual(run.confirmations, ['plan-apply', 'elevated-grant'], 'no per-change question besides the second one for ADMIN');
    const created = [...sandbox.store.apiKeys.values()].find(k => k.note === 'notebook')!;
    const stored = JSON.parse(run.secrets.values.get(SecretKeys.declaredKey('production-chatbot', 'notebook'))!);
    assert.deepEqual(stored, { publicKey: created.publicKey, secretKey: created.secretKey });
    assert.ok(![...run.secrets.values.keys()].some(k => k.startsWith('langfuseAccess/rotation/')), 'the pending secret was wiped');
    assert.equal((await planAccess(session, ws())).changes.length, 0);
  });

  it('an apply stopped half-way is reported exactly by the next one, which converges', async () => {
    const { session, ws } = await prepare('cli', t => t
      .replace('{email: developer@acme.com, role: MEMBER}', '{email: developer@acme.com, role: VIEWER}')
      .replace('{email: senior-dev@acme.com, role: ADMIN}', '{email: senior-dev@acme.com, role: MEMBER}')
      .replace(/( {4}- \{email: senior-dev@acme\.com, role: MEMBER\}[^\n]*\n)/, '$1    - {email: newbie@acme.com, role: VIEWER}\n'));
    run.port.checkpoint = name => { if (name === 'apply:started:1') throw new Error('stopped here (test)'); };
    await assert.rejects(applyAccess(session, { ws: ws(), allowDestroy: false }), /stopped here/);
    run.port.checkpoint = undefined;
    const report = await applyAccess(session, { ws: ws(), allowDestroy: false });
    assert.equal(report.recovered.length, 1);
    const states = report.recovered[0].entries.map(e => `${e.state} ${e.id}`);
    assert.deepEqual(states, [
      'done org/member/newbie@acme.com',
      'pending org/member/developer@acme.com',
      'pending org/member/senior-dev@acme.com',
    ]);
    assert.match(report.recovered[0].entries[1].why!, /in flight when the apply stopped; the live state shows it did not happen/);
    assert.match(report.recovered[0].entries[2].why!, /never started/);
    assert.equal(report.status, 'applied', JSON.stringify(report.entries));
    assert.deepEqual(report.entries.map(e => `${e.state} ${e.id}`), ['done org/member/developer@acme.com', 'done org/member/senior-dev@acme.com']);
    assert.equal((await planAccess(session, ws())).changes.length, 0);
    const journals = fs.readdirSync(path.join(run.stateDir, 'applies')).map(f => JSON.parse(fs.readFileSync(path.join(run.stateDir, 'applies', f), 'utf8')));
    assert.deepEqual(journals.map(j => j.status).sort(), ['finished', 'interrupted']);
  });
});
