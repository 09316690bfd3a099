// API keys through the product's own actions and engine: create and revoke a key; a complete rotation
// of a throwaway key into a .env target (old pair 401, new pair 200, the trace probe on); then the .env
// rules online on the files it produced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from '../../env/envParser';
import { shortPublicKey } from '../../log/redact';
import { describeProbe } from '../../rotation/traceProbe';
import { findEnvFiles, lintFiles } from '../../rules/lintWorkspace';
import { verifyPairsOnline } from '../../rules/onlineCheck';
import { ensurePrivateDir } from '../../state/stateDir';
import { CheckFailure, done, pairAnswer, SkipCheck, type SuiteContext } from '../context';
import { needAdminApi } from './setup';

export interface KeyPair { publicKey: string; secretKey: string }

function needProject(ctx: SuiteContext): { id: string; name: string } {
  needAdminApi(ctx);
  if (!ctx.project) throw new SkipCheck('no project to work in (the project check did not pass)');
  return ctx.project;
}

/** Creates a key through the session, journaled before (by note) and after (id and public key). */
async function createKey(ctx: SuiteContext, purpose: string): Promise<KeyPair & { id: string; note: string }> {
  const project = needProject(ctx);
  const note = `${ctx.runId} ${purpose}`;
  ctx.journal.record({ kind: 'apiKey', projectId: project.id, note });
  const { created } = done(await ctx.session.perform({ kind: 'apiKey.create', projectId: project.id, note }), `creating a key in ${project.name}`);
  if (!created) throw new CheckFailure('Langfuse answered the key creation without the key');
  ctx.journal.record({ kind: 'apiKey', projectId: project.id, note, id: created.id, publicKey: created.publicKey });
  return { id: created.id, note, publicKey: created.publicKey, secretKey: created.secretKey };
}

export async function keyCreateRevokeCheck(ctx: SuiteContext): Promise<string> {
  const project = needProject(ctx);
  const key = await createKey(ctx, 'create-revoke');
  ctx.checkpoint('conformance:key-created');
  const before = await pairAnswer(ctx, key);
  if (before.status !== 200 || before.projectId !== project.id) throw new CheckFailure(`the new key ${shortPublicKey(key.publicKey)} does not answer for ${project.name} (${before.status})`);
  done(await ctx.session.perform({ kind: 'apiKey.revoke', projectId: project.id, keyId: key.id }), `revoking ${shortPublicKey(key.publicKey)}`);
  const after = await pairAnswer(ctx, key);
  if (after.status !== 401) throw new CheckFailure(`${shortPublicKey(key.publicKey)} was revoked but still answers 200`);
  ctx.journal.forget({ kind: 'apiKey', projectId: project.id, note: key.note });
  return `created ${shortPublicKey(key.publicKey)} (answers 200 for ${project.name}), revoked it (answers 401 at once)`;
}

/** What the rotation check leaves for the lint and project checks: the files and both pairs. */
export interface RotationOutcome { envFile: string; oldPair: KeyPair; newPair: KeyPair }

export async function rotationCheck(ctx: SuiteContext): Promise<{ detail: string; outcome: RotationOutcome }> {
  const project = needProject(ctx);
  const old = await createKey(ctx, 'rotation');
  ctx.journal.record({ kind: 'folder', path: ctx.workDir });
  ensurePrivateDir(ctx.workDir);
  const envFile = path.join(ctx.workDir, '.env');
  const { baseUrl, id, name } = ctx.session.connection;
  fs.writeFileSync(envFile, `LANGFUSE_PUBLIC_KEY=${old.publicKey}\nLANGFUSE_SECRET_KEY=${old.secretKey}\nLANGFUSE_BASE_URL=${baseUrl}\n`, { mode: 0o600 });
  const rotations = await ctx.session.rotations();
  try {
    const started = await rotations.start({
      mode: 'normal', connection: { id, name, baseUrl }, project: { id: project.id, name: project.name },
      oldPublicKey: old.publicKey, targets: [`env:${envFile}`], scanPaths: [ctx.workDir], probeTraces: true,
      workspaceTrusted: true, oldSecretKey: old.secretKey,
    });
    if (started.status !== 'started') throw new CheckFailure(`the rotation was ${started.status}${'reason' in started ? `: ${started.reason}` : started.decision.allowed ? '' : `: ${started.decision.reason}`}`);
    ctx.checkpoint('conformance:rotation-started');
    const result = await rotations.run(started.journal.id);
    const j = result.journal;
    if (result.outcome !== 'completed') throw new CheckFailure(`rotation ${j.id} ended ${result.outcome}${j.waiting ? `: ${j.waiting.message}` : ''}`);
    const values = Object.fromEntries(parseEnv(fs.readFileSync(envFile, 'utf8')).entries.map(e => [e.key, e.value]));
    const newPair = { publicKey: values.LANGFUSE_PUBLIC_KEY ?? '', secretKey: values.LANGFUSE_SECRET_KEY ?? '' };
    if (newPair.publicKey !== j.newKey?.publicKey) throw new CheckFailure(`the .env target holds ${shortPublicKey(newPair.publicKey)}, not the new key ${shortPublicKey(j.newKey?.publicKey ?? '')}`);
    const [oldAnswer, newAnswer] = [await pairAnswer(ctx, old), await pairAnswer(ctx, newPair)];
    if (oldAnswer.status !== 401) throw new CheckFailure(`the old pair ${shortPublicKey(old.publicKey)} still answers 200 after the rotation`);
    if (newAnswer.status !== 200 || newAnswer.projectId !== project.id) throw new CheckFailure(`the new pair ${shortPublicKey(newPair.publicKey)} does not answer for ${project.name}`);
    ctx.journal.record({ kind: 'apiKey', projectId: project.id, note: `${ctx.runId} rotated`, id: j.newKey?.id, publicKey: newPair.publicKey });
    ctx.journal.forget({ kind: 'apiKey', projectId: project.id, note: old.note });
    const probe = j.evidence?.probe;
    const probeText = probe ? `trace probe ${probe.unavailable ? 'unavailable' : `available (${probe.source})`}: ${describeProbe(probe, project.name)}` : 'trace probe did not run';
    return {
      detail: `rotation ${j.id} completed into .env: old pair 401, new pair 200; ${probeText}`,
      outcome: { envFile, oldPair: old, newPair },
    };
  } finally {
    rotations.close();
  }
}

/** `lint --online` on what the rotation produced: the rotated .env is clean, a file with the old pair is flagged. */
export async function lintOnlineCheck(ctx: SuiteContext, rotation: RotationOutcome | undefined): Promise<string> {
  if (!rotation) throw new SkipCheck('no rotated .env file (the rotation check did not pass)');
  const revokedFile = path.join(ctx.workDir, 'revoked.env');
  fs.writeFileSync(revokedFile, `LANGFUSE_PUBLIC_KEY=${rotation.oldPair.publicKey}\nLANGFUSE_SECRET_KEY=${rotation.oldPair.secretKey}\nLANGFUSE_BASE_URL=${ctx.session.connection.baseUrl}\n`, { mode: 0o600 });
  const files = findEnvFiles([ctx.workDir]);
  const { baseUrl } = ctx.session.connection;
  const online = await verifyPairsOnline(new Map([[baseUrl, files]]), { workspaceTrusted: true });
  const report = lintFiles(files, { online, connectionBaseUrl: () => baseUrl });
  const errorsIn = (file: string) => report.findings.filter(f => f.file === file && f.severity === 'error');
  const rotatedErrors = errorsIn(rotation.envFile);
  if (rotatedErrors.length) throw new CheckFailure(`the rotated .env has findings: ${rotatedErrors.map(f => `${f.code}: ${f.message}`).join('; ')}`);
  if (!report.findings.some(f => f.file === revokedFile && f.code === 'revoked-key')) {
    throw new CheckFailure(`a .env file with the revoked pair was not flagged revoked-key (found: ${report.findings.filter(f => f.file === revokedFile).map(f => f.code).join(', ') || 'nothing'})`);
  }
  return `${files.length} generated file(s) checked online: the rotated .env has no errors, the file with the revoked pair is flagged revoked-key`;
}
