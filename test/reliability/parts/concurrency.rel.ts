// Concurrency on one machine (issue 8): separate processes acting on the same organization.
// - Membership change: two processes each demote the other OWNER. With the state-folder lock and a
//   re-read of the live memberships before deciding, one wins and the other refuses (the guard sees
//   the new state); without them (control) both act on stale state and the org loses every OWNER.
// - Rotation of the same key: two `rotate` CLI processes at once; one rotates, the other refuses
//   with a clear message (the key is being rotated, or — when the first finished before the second
//   looked — the rotation that revoked it, by id); never two new keys.
// - The workspace access file: several processes record ignore entries at once; with
//   recordIgnoreEntry (lock + re-read) none is lost; a plain read-modify-write (control) loses some.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse/index';
import { startSandbox } from '../../../src/sandbox/index';
import { bundleChild, bundleCli } from '../lib/bundle';
import { figure, runPart } from '../lib/figures';

const PART = 'concurrency';

function runNode(script: string, args: string[], env: Record<string, string>, cwd?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.on('data', d => { out += d; });
    child.stderr.on('data', d => { err += d; });
    child.on('close', code => resolve({ code, out, err }));
  });
}

runPart(PART, async ({ long }) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-rel-conc-'));
  const child = await bundleChild('concurrencyChild', work);
  const cli = await bundleCli(work);
  const trials = long ? 20 : 5;

  // ---- membership change ----
  const sandbox = await startSandbox();
  const org = sandbox.credentials.organization;
  const admin = createLangfuseClient({ baseUrl: sandbox.url, ...org });
  const memberTrial = async (locked: boolean) => {
    await admin.organizationMemberships.upsert('user-engineering-lead', 'OWNER');
    await admin.organizationMemberships.upsert('user-senior-dev', 'OWNER');
    const stateDir = fs.mkdtempSync(path.join(work, 'state-'));
    const startAt = String(Date.now() + 400);
    const env = { LANGFUSE_ACCESS_PUBLIC_KEY: org.publicKey, LANGFUSE_ACCESS_SECRET_KEY: org.secretKey };
    const results = await Promise.all([
      runNode(child, ['member', stateDir, sandbox.url, 'engineering-lead@acme.com', 'user-senior-dev', startAt, locked ? '1' : '0'], env),
      runNode(child, ['member', stateDir, sandbox.url, 'senior-dev@acme.com', 'user-engineering-lead', startAt, locked ? '1' : '0'], env),
    ]);
    const parsed = results.map(r => { try { return JSON.parse(r.out.trim().split('\n').pop() ?? '{}') as { result: string; reason?: string }; } catch { return { result: 'error', reason: r.err.slice(0, 200) }; } });
    const owners = (await admin.organizationMemberships.list()).filter(m => m.role === 'OWNER').length;
    return { owners, changed: parsed.filter(p => p.result === 'changed').length, refused: parsed.filter(p => p.result === 'refused'), errors: parsed.filter(p => p.result === 'error') };
  };
  let lockedNoOwner = 0, lockedNotOneWinner = 0, lockedErrors = 0, controlNoOwner = 0;
  let refusal = '';
  for (let t = 0; t < trials; t++) {
    const r = await memberTrial(true);
    if (r.owners === 0) lockedNoOwner++;
    if (r.changed !== 1 || r.refused.length !== 1) lockedNotOneWinner++;
    lockedErrors += r.errors.length;
    refusal ||= r.refused[0]?.reason ?? '';
    const c = await memberTrial(false);
    if (c.owners === 0) controlNoOwner++;
  }
  await closeAllHostGates();
  await sandbox.close();
  figure(PART, `membership (lock + re-read, ${trials} trials × 2 processes): org left without OWNER`, lockedNoOwner, { max: 0 });
  figure(PART, 'membership (lock + re-read): trials without exactly one winner and one refusal', lockedNotOneWinner, { max: 0 }, refusal.slice(0, 200));
  figure(PART, 'membership (lock + re-read): processes that failed with an error', lockedErrors, { max: 0 });
  figure(PART, `membership control without lock/re-read: trials that lost every OWNER (of ${trials})`, controlNoOwner, undefined, 'shows the race the lock + re-read prevents');

  // ---- rotation of the same key, two CLI processes ----
  const rotationTrials = long ? 6 : 2;
  let doubleKeys = 0, bothSucceeded = 0, unclearRefusals = 0, neitherDone = 0, refusalsNamingRotation = 0;
  let loserMessage = '';
  for (let t = 0; t < rotationTrials; t++) {
    const sb = await startSandbox();
    const home = fs.mkdtempSync(path.join(work, 'rot-'));
    const cfg = path.join(home, 'cfg', 'langfuse-access');
    fs.mkdirSync(cfg, { recursive: true });
    fs.writeFileSync(path.join(cfg, 'acme.json'), JSON.stringify(sb.credentials.organization), { mode: 0o600 });
    fs.writeFileSync(path.join(cfg, 'connections.yaml'), `connections:\n  - id: acme\n    name: Acme\n    baseUrl: "${sb.url}"\n    credentialsFile: acme.json\n`);
    const staging = sb.credentials.projects['staging-chatbot'];
    const env = { HOME: home, XDG_CONFIG_HOME: path.join(home, 'cfg'), XDG_STATE_HOME: path.join(home, 'state'), LANGFUSE_ACCESS_ACTING_AS: 'senior-dev@acme.com' };
    const targets = ['a.env', 'b.env'].map(n => { const f = path.join(home, n); fs.writeFileSync(f, `LANGFUSE_PUBLIC_KEY=${staging.publicKey}\nLANGFUSE_SECRET_KEY=${staging.secretKey}\n`, { mode: 0o600 }); return f; });
    const keysBefore = [...sb.store.apiKeys.values()].filter(k => k.projectId === 'proj-staging-chatbot').length;
    const runs = await Promise.all(targets.map(target => runNode(cli, ['rotate', '--connection', 'acme', '--project', 'staging-chatbot', '--key', staging.publicKey, '--to', `env:${target}`, '--yes'], env, home)));
    const created = [...sb.store.apiKeys.values()].filter(k => k.projectId === 'proj-staging-chatbot').length - keysBefore + 1; // the old key is revoked by the winner
    const winners = runs.filter(r => r.code === 0).length;
    if (created > 1) doubleKeys++;
    if (winners > 1) bothSucceeded++;
    if (winners === 0) neitherDone++;
    const loser = runs.find(r => r.code !== 0);
    const winnerId = /rot-\d{8}-\d{6}-[0-9a-f]{6}/.exec(runs.find(r => r.code === 0)?.out ?? '')?.[0];
    if (loser) {
      const text = loser.err;
      // Clear: the key is being rotated right now (by which tool and pid) or has an unfinished rotation,
      // or — when the other process already finished — the rotation that revoked it, by id, with the next step.
      const busy = /is being rotated right now by |already has an unfinished rotation rot-|is being rotated by .* \(rotation rot-/.test(text);
      const revokedHere = winnerId !== undefined && text.includes(`rotation ${winnerId} revoked it at `) && /replaced by pk-lf-[0-9a-f]{4}…[0-9a-f]{4}/.test(text) && /rotate --list/.test(text);
      if (!busy && !revokedHere) { unclearRefusals++; process.stderr.write(`[concurrency] unclear refusal (exit ${loser.code}):\n${text.replace(/sk-lf-[A-Za-z0-9-]+/g, 'sk-lf-…')}\n`); }
      if (revokedHere) refusalsNamingRotation++;
      loserMessage ||= text.trim().split('\n').slice(-3).join(' ').slice(0, 220);
    }
    await closeAllHostGates();
    await sb.close();
  }
  figure(PART, `same-key rotation by two CLI processes (${rotationTrials} trials): runs creating two new keys`, doubleKeys, { max: 0 });
  figure(PART, 'same-key rotation: trials where both processes reported success', bothSucceeded, { max: 0 });
  figure(PART, 'same-key rotation: trials where neither completed', neitherDone, { max: 0 });
  figure(PART, 'same-key rotation: refusals without a clear reason', unclearRefusals, { max: 0 }, loserMessage);
  figure(PART, 'same-key rotation: refusals naming the rotation that revoked the key', refusalsNamingRotation, undefined, 'the second process started after the first had finished');

  // ---- the workspace access file ----
  const workers = 4;
  const perWorker = long ? 25 : 10;
  const ignoreTrial = async (locked: boolean) => {
    const accessFile = path.join(fs.mkdtempSync(path.join(work, 'ws-')), 'access.yaml');
    fs.writeFileSync(accessFile, '# team access file\nversion: 1\nconnection: acme\nenvironments:\n  staging:\n    project: staging-chatbot\n    files: [".env"]\n');
    const stateDir = fs.mkdtempSync(path.join(work, 'state-'));
    const results = await Promise.all(Array.from({ length: workers }, (_, w) => runNode(child, ['ignore', accessFile, stateDir, String(w), String(perWorker), locked ? '1' : '0'], {})));
    const doc = parseYaml(fs.readFileSync(accessFile, 'utf8')) as { ignore?: unknown[]; version?: number };
    return { kept: doc.ignore?.length ?? 0, errors: results.filter(r => r.code !== 0).length, commentKept: fs.readFileSync(accessFile, 'utf8').startsWith('# team access file') };
  };
  const lockedIgnore = await ignoreTrial(true);
  const controlIgnore = await ignoreTrial(false);
  fs.rmSync(work, { recursive: true, force: true });
  const total = workers * perWorker;
  figure(PART, `ignore entries lost (${workers} processes × ${perWorker}, recordIgnoreEntry)`, total - lockedIgnore.kept, { max: 0 });
  figure(PART, 'ignore entries: writer processes that failed', lockedIgnore.errors, { max: 0 });
  figure(PART, 'ignore entries: the file\'s comments kept', lockedIgnore.commentKept ? 1 : 0, { min: 1 });
  figure(PART, `ignore entries lost by plain read-modify-write (control, of ${total})`, total - controlIgnore.kept, undefined, 'the lost updates recordIgnoreEntry prevents');
});
