// Rotation figures: wall time of a full crash-safe rotation (journal + pending secret store fsync'd
// at every step, snapshots, check-and-set writes with read-back, evidence, audit) into 1 and 10 .env
// targets, against a baseline measured in the same run: the bare work with no safety (create key,
// plain writeFileSync of each target, one who-am-I, delete old key). Sandbox on 127.0.0.1.
// Run: npx tsx test/bench/rotation.bench.ts [rotations]   (default 20 per case)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openAuditWriter } from '../../src/core/audit/openAuditWriter';
import { closeAllHostGates, createLangfuseClient } from '../../src/core/langfuse';
import { FilePendingSecretStore, RotationEngine } from '../../src/core/rotation';
import { createSink } from '../../src/core/secrets';
import { startSandbox, type SandboxHandle } from '../../src/sandbox';

const ROUNDS = Number(process.argv[2] ?? 20);
const ORG = { publicKey: 'pk-lf-a0000000-0000-4000-8000-000000000001', secretKey: 'sk-lf-demo-a0000000-0000-4000-8000-000000000001' };
const PROJECT_ID = 'proj-production-chatbot';

function currentKey(sandbox: SandboxHandle): { id: string; publicKey: string; secretKey: string } {
  const k = [...sandbox.store.apiKeys.values()].find(x => x.projectId === PROJECT_ID)!;
  return { id: k.id, publicKey: k.publicKey, secretKey: k.secretKey };
}

function writeTargets(dir: string, n: number, pair: { publicKey: string; secretKey: string }, url: string): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = path.join(dir, `svc${i}.env`);
    fs.writeFileSync(f, `LANGFUSE_PUBLIC_KEY=${pair.publicKey}\nLANGFUSE_SECRET_KEY=${pair.secretKey}\nLANGFUSE_BASE_URL=${url}\n`, { mode: 0o600 });
    return f;
  });
}

async function baseline(sandbox: SandboxHandle, dir: string, targets: number): Promise<number> {
  const admin = createLangfuseClient({ baseUrl: sandbox.url, ...ORG });
  const files = writeTargets(dir, targets, currentKey(sandbox), sandbox.url);
  const t = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) {
    const old = currentKey(sandbox);
    const created = await admin.projectApiKeys.create(PROJECT_ID, { note: 'bench' });
    for (const f of files) fs.writeFileSync(f, `LANGFUSE_PUBLIC_KEY=${created.publicKey}\nLANGFUSE_SECRET_KEY=${created.secretKey}\nLANGFUSE_BASE_URL=${sandbox.url}\n`);
    await createLangfuseClient({ baseUrl: sandbox.url, publicKey: created.publicKey, secretKey: created.secretKey }).whoAmI();
    await admin.projectApiKeys.delete(PROJECT_ID, old.id);
  }
  return Number(process.hrtime.bigint() - t) / 1e6 / ROUNDS;
}

async function engineRun(sandbox: SandboxHandle, dir: string, targets: number): Promise<number> {
  const stateDir = path.join(dir, 'state');
  const audit = openAuditWriter({ stateDir, actor: { identity: 'bench@acme.com', tool: 'test' } });
  const engine = new RotationEngine({
    stateDir, tool: 'cli', actor: 'bench@acme.com', secrets: new FilePendingSecretStore(stateDir),
    admin: createLangfuseClient({ baseUrl: sandbox.url, ...ORG }),
    clientFor: (pair, baseUrl) => createLangfuseClient({ baseUrl, ...pair }),
    sinkFor: t => createSink(t, { lockDir: path.join(stateDir, 'locks'), tool: 'test' }),
    audit: e => audit.append({ action: e.action, outcome: e.outcome, details: e.details, resource: { kind: 'rotation', id: e.journal.id } }),
  });
  const files = writeTargets(dir, targets, currentKey(sandbox), sandbox.url);
  const yes = { confirmChecklist: async () => true, confirmRevoke: async () => true };
  const t = process.hrtime.bigint();
  for (let r = 0; r < ROUNDS; r++) {
    const old = currentKey(sandbox);
    const started = await engine.start({
      mode: 'normal', connection: { baseUrl: sandbox.url }, project: { name: 'production-chatbot', id: PROJECT_ID }, oldPublicKey: old.publicKey,
      targets: files.map(f => `env:${f}`), scanPaths: [], workspaceTrusted: true,
    }, yes);
    const result = await engine.run(started.id, yes);
    if (result.outcome !== 'completed') throw new Error(`rotation ended ${result.outcome}`);
  }
  return Number(process.hrtime.bigint() - t) / 1e6 / ROUNDS;
}

async function main(): Promise<void> {
  for (const targets of [1, 10]) {
    const sandbox = await startSandbox();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rot-bench-'));
    try {
      const base = await baseline(sandbox, dir, targets);
      const full = await engineRun(sandbox, dir, targets);
      console.log(`rotation into ${String(targets).padStart(2)} .env target(s): ${full.toFixed(1)} ms per rotation (crash-safe engine) vs ${base.toFixed(1)} ms bare (no journal, no snapshots, no read-back) = ${(full / base).toFixed(1)}x, ${ROUNDS} rotations each`);
    } finally {
      await sandbox.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  await closeAllHostGates();
}

main().catch(err => { console.error(err); process.exitCode = 1; });
