// One Langfuse client module per process: the tree (organization model), a rotation, online
// verification of workspace keys and the audit-log link all run at once from the BUILT chunks
// (dist/chunks/*.js, loaded the way the extension loads them) against a sandbox with latency that
// counts concurrent requests. They share one gate per host, so the peak never exceeds the cap. The
// control proves the counter can see a breach: a second, separately bundled client module (what every
// chunk used to carry) drives the same host past the cap.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSandbox, type SandboxHandle } from '../../../src/sandbox';

const ROOT = path.join(__dirname, '..', '..', '..');
type Chunk = Record<string, any>;

function chunk(name: string): Chunk {
  return require(path.join(ROOT, 'dist', 'chunks', `${name}.js`)) as Chunk;
}

describe('one gate per host across the tree, rotation, online verification and the audit link (built chunks)', function () {
  this.timeout(120_000);
  let sb: SandboxHandle;
  let dir: string;

  before(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'chunks', 'core.js'))) execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'ignore' });
    sb = await startSandbox({ world: 'large' });
    sb.setFaults([{ kind: 'latency', ms: 25 }]);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-gate-'));
  });
  after(async () => {
    await chunk('core').closeAllHostGates();
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never has more requests in flight to the host than the cap', async () => {
    const core = chunk('core');
    const online = chunk('online');
    const audit = chunk('audit');
    const stateDir = path.join(dir, 'state');
    const port = {
      tool: 'extension', stateDir, clock: core.systemClock, pendingSecrets: new core.FilePendingSecretStore(stateDir),
      prompter: { confirm: async () => true, refuse: async (m: string) => { throw new Error(`refused: ${m}`); }, notify: () => undefined, newKeyPair: async () => undefined, progress: () => undefined },
      actor: () => ({ email: 'user-0@large.example', label: 'user-0@large.example' }),
      sinkSettings: async () => ({ cwd: dir }),
    };
    const session = new core.SessionHost(port).session({ id: 'large', name: 'Large', baseUrl: sb.url, pair: sb.credentials.organization });
    const projects = Object.entries(sb.credentials.projects) as [string, { publicKey: string; secretKey: string; projectId: string }][];
    const [rotated, rotatedPair] = projects[0];
    const target = path.join(dir, 'app.env');
    fs.writeFileSync(target, `LANGFUSE_PUBLIC_KEY=${rotatedPair.publicKey}\nLANGFUSE_SECRET_KEY=${rotatedPair.secretKey}\n`, { mode: 0o600 });
    const envFiles = projects.slice(1, 61).map(([name, pair]) => {
      const file = path.join(dir, `${name}.env`);
      fs.writeFileSync(file, `LANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\n`);
      return file;
    });
    sb.resetStats();

    const tree = (async () => {
      const overview = await session.model.overview();
      await Promise.all(overview.projects.map((p: { id: string }) => session.model.project(p.id)));
      return overview.projects.length;
    })();
    const rotation = (async () => {
      const rotations = await session.rotations();
      try {
        const started = await rotations.start({ mode: 'normal', connection: { id: 'large', baseUrl: sb.url }, project: { name: rotated }, oldPublicKey: rotatedPair.publicKey, targets: [`env:${target}`], workspaceTrusted: true });
        return (await rotations.run(started.journal.id)).outcome;
      } finally {
        rotations.close();
      }
    })();
    // Online verification as the extension runs it, a few files at a time in parallel (several windows or saves at once).
    const verification = (async () => {
      const groups = [0, 1, 2, 3].map(g => envFiles.filter((_, i) => i % 4 === g));
      const answers = await Promise.all(groups.map(files => online.verifyPairsOnline(new Map([[sb.url, files]]), { workspaceTrusted: true })));
      return answers.flatMap(a => [...a.values()]).filter((a: { status: string }) => a.status === 'ok').length;
    })();
    const link = (async () => {
      const caps = await core.createLangfuseClient({ baseUrl: sb.url, ...sb.credentials.organization }).detectCapabilities();
      return caps.adminApi ? audit.langfuseAuditLogLinks(sb.url, { projectId: rotatedPair.projectId }).project : undefined;
    })();

    const [projectCount, outcome, verified, url] = await Promise.all([tree, rotation, verification, link]);
    assert.equal(projectCount, projects.length);
    assert.equal(outcome, 'completed');
    assert.equal(verified, 60);
    assert.match(url, new RegExp(`/project/${rotatedPair.projectId}/`));
    assert.ok(sb.stats.requests > 400, `enough load to fill the gate (${sb.stats.requests} requests)`);
    assert.ok(sb.stats.peakInFlight >= core.DEFAULT_MAX_CONCURRENCY - 2, `the gate was filled (peak ${sb.stats.peakInFlight})`);
    assert.ok(sb.stats.peakInFlight <= core.DEFAULT_MAX_CONCURRENCY, `peak ${sb.stats.peakInFlight} in flight, cap ${core.DEFAULT_MAX_CONCURRENCY}`);
  });

  it('control: a second copy of the client module has its own gate, and the sandbox sees the cap exceeded', async () => {
    const esbuild = await import('esbuild');
    const copy = path.join(dir, 'second-client-copy.cjs');
    await esbuild.build({ entryPoints: [path.join(ROOT, 'src', 'core', 'langfuse', 'index.ts')], outfile: copy, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
    const copies = [chunk('core'), require(copy) as Chunk];
    sb.resetStats();
    const pairs = Object.values(sb.credentials.projects).slice(0, 40) as { publicKey: string; secretKey: string }[];
    await Promise.all(copies.flatMap(c => pairs.map(p => c.createLangfuseClient({ baseUrl: sb.url, ...p }).whoAmI())));
    await copies[1].closeAllHostGates();
    assert.ok(sb.stats.peakInFlight > copies[0].DEFAULT_MAX_CONCURRENCY, `two gates let ${sb.stats.peakInFlight} requests run at once`);
  });
});
