// API keys through the product's own actions and engine: create and revoke a key; a complete rotation
// of a throwaway key into a .env target (old pair 401, new pair 200, the trace probe on); then the .env
// rules online on the files it produced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnv } from '../../env/envParser';
import { l10n } from '../../l10n/l10n';
import { shortPublicKey } from '../../log/redact';
import type { ProbeEvidence } from '../../rotation/journal';
import { describeProbe } from '../../rotation/traceProbe';
import { findEnvFiles, lintFiles } from '../../rules/lintWorkspace';
import { verifyPairsOnline } from '../../rules/onlineCheck';
import { ensurePrivateDir } from '../../state/stateDir';
import { CheckFailure, done, pairAnswer, SkipCheck, type SuiteContext } from '../context';
import { needAdminApi } from './setup';

export interface KeyPair { publicKey: string; secretKey: string }

function needProject(ctx: SuiteContext): { id: string; name: string } {
  needAdminApi(ctx);
  if (!ctx.project) throw new SkipCheck(l10n.t('no project to work in (the project check did not pass)'));
  return ctx.project;
}

/** Creates a key through the session, journaled before (by note) and after (id and public key). */
async function createKey(ctx: SuiteContext, purpose: string): Promise<KeyPair & { id: string; note: string }> {
  const project = needProject(ctx);
  const note = `${ctx.runId} ${purpose}`;
  ctx.journal.record({ kind: 'apiKey', projectId: project.id, note });
  const { created } = done(await ctx.session.perform({ kind: 'apiKey.create', projectId: project.id, note }), { kind: 'apiKey.create', project: project.name });
  if (!created) throw new CheckFailure(l10n.t('Langfuse answered the key creation without the key'));
  ctx.journal.record({ kind: 'apiKey', projectId: project.id, note, id: created.id, publicKey: created.publicKey });
  return { id: created.id, note, publicKey: created.publicKey, secretKey: created.secretKey };
}

export async function keyCreateRevokeCheck(ctx: SuiteContext): Promise<string> {
  const project = needProject(ctx);
  const key = await createKey(ctx, 'create-revoke');
  ctx.checkpoint('conformance:key-created');
  const before = await pairAnswer(ctx, key);
  if (before.status !== 200 || before.projectId !== project.id) throw new CheckFailure(l10n.t('the new key {0} does not answer for {1} ({2})', shortPublicKey(key.publicKey), project.name, before.status));
  done(await ctx.session.perform({ kind: 'apiKey.revoke', projectId: project.id, keyId: key.id }), { kind: 'apiKey.revoke', key: shortPublicKey(key.publicKey) });
  const after = await pairAnswer(ctx, key);
  if (after.status !== 401) throw new CheckFailure(l10n.t('{0} was revoked but still answers 200', shortPublicKey(key.publicKey)));
  ctx.journal.forget({ kind: 'apiKey', projectId: project.id, note: key.note });
  return l10n.t('created {0} (answers 200 for {1}), revoked it (answers 401 at once)', shortPublicKey(key.publicKey), project.name);
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
    if (started.status !== 'started') {
      const reason = 'reason' in started ? started.reason : started.decision.allowed ? undefined : started.decision.reason;
      throw new CheckFailure(reason ? l10n.t('the rotation was refused: {0}', reason) : l10n.t('the rotation was cancelled'));
    }
    ctx.checkpoint('conformance:rotation-started');
    const result = await rotations.run(started.journal.id);
    const j = result.journal;
    if (result.outcome !== 'completed') {
      throw new CheckFailure(j.waiting
        ? l10n.t('rotation {0} stopped, waiting: {1}', j.id, j.waiting.message)
        : l10n.t('rotation {0} did not complete (outcome {1})', j.id, result.outcome));
    }
    const values = Object.fromEntries(parseEnv(fs.readFileSync(envFile, 'utf8')).entries.map(e => [e.key, e.value]));
    const newPair = { publicKey: values.LANGFUSE_PUBLIC_KEY ?? '', secretKey: values.LANGFUSE_SECRET_KEY ?? '' };
    if (newPair.publicKey !== j.newKey?.publicKey) throw new CheckFailure(l10n.t('the .env target holds {0}, not the new key {1}', shortPublicKey(newPair.publicKey), shortPublicKey(j.newKey?.publicKey ?? '')));
    const [oldAnswer, newAnswer] = [await pairAnswer(ctx, old), await pairAnswer(ctx, newPair)];
    if (oldAnswer.status !== 401) throw new CheckFailure(l10n.t('the old pair {0} still answers 200 after the rotation', shortPublicKey(old.publicKey)));
    if (newAnswer.status !== 200 || newAnswer.projectId !== project.id) throw new CheckFailure(l10n.t('the new pair {0} does not answer for {1}', shortPublicKey(newPair.publicKey), project.name));
    ctx.journal.record({ kind: 'apiKey', projectId: project.id, note: `${ctx.runId} rotated`, id: j.newKey?.id, publicKey: newPair.publicKey });
    ctx.journal.forget({ kind: 'apiKey', projectId: project.id, note: old.note });
    return { detail: rotationDetail(j.id, j.evidence?.probe, project.name), outcome: { envFile, oldPair: old, newPair } };
  } finally {
    rotations.close();
  }
}

function rotationDetail(id: string, probe: ProbeEvidence | undefined, project: string): string {
  if (!probe) return l10n.t('rotation {0} completed into .env: old pair 401, new pair 200; trace probe did not run', id);
  return probe.unavailable
    ? l10n.t('rotation {0} completed into .env: old pair 401, new pair 200; trace probe unavailable: {1}', id, describeProbe(probe, project))
    : l10n.t('rotation {0} completed into .env: old pair 401, new pair 200; trace probe available ({1}): {2}', id, probe.source ?? 'v3-traces', describeProbe(probe, project));
}

/** `lint --online` on what the rotation produced: the rotated .env is clean, a file with the old pair is flagged. */
export async function lintOnlineCheck(ctx: SuiteContext, rotation: RotationOutcome | undefined): Promise<string> {
  if (!rotation) throw new SkipCheck(l10n.t('no rotated .env file (the rotation check did not pass)'));
  const revokedFile = path.join(ctx.workDir, 'revoked.env');
  fs.writeFileSync(revokedFile, `LANGFUSE_PUBLIC_KEY=${rotation.oldPair.publicKey}\nLANGFUSE_SECRET_KEY=${rotation.oldPair.secretKey}\nLANGFUSE_BASE_URL=${ctx.session.connection.baseUrl}\n`, { mode: 0o600 });
  const files = findEnvFiles([ctx.workDir]);
  const { baseUrl } = ctx.session.connection;
  const online = await verifyPairsOnline(new Map([[baseUrl, files]]), { workspaceTrusted: true });
  const report = lintFiles(files, { online, connectionBaseUrl: () => baseUrl });
  const errorsIn = (file: string) => report.findings.filter(f => f.file === file && f.severity === 'error');
  const rotatedErrors = errorsIn(rotation.envFile);
  if (rotatedErrors.length) throw new CheckFailure(l10n.t('the rotated .env has findings: {0}', rotatedErrors.map(f => `${f.code}: ${f.message}`).join('; ')));
  if (!report.findings.some(f => f.file === revokedFile && f.code === 'revoked-key')) {
    const found = report.findings.filter(f => f.file === revokedFile).map(f => f.code);
    throw new CheckFailure(found.length
      ? l10n.t('a .env file with the revoked pair was not flagged revoked-key (found: {0})', found.join(', '))
      : l10n.t('a .env file with the revoked pair was not flagged revoked-key (found: nothing)'));
  }
  return l10n.t('{0} generated file(s) checked online: the rotated .env has no errors, the file with the revoked pair is flagged revoked-key', files.length);
}
