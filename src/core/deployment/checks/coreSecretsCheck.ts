import type { DeploymentTarget } from '../types';
import type { CheckCollector } from './checkContext';
import { decidedAtDeploy, describeSource, get, isSet, valueLocation } from './checkContext';
import { placeholderOf } from './placeholders';
import * as path from 'node:path';
import type { DeploymentFix } from '../types';
import { l10n } from '../../l10n/l10n';

/** Add the missing secret: generated into a .env file directly, or as `${VAR}` in compose with the value in the project's .env. */
function generatedInsert(target: DeploymentTarget, variable: string, format: 'hex64' | 'base64-32'): DeploymentFix[] {
  if (!target.insertAt || target.kind === 'helm') return [];
  const title = `Add ${variable} with a freshly generated value`;
  return target.kind === 'compose'
    ? [{ kind: 'insertGeneratedSecret', title, at: target.insertAt, variable, format, envFile: path.join(path.dirname(target.file), '.env') }]
    : [{ kind: 'insertGeneratedSecret', title, at: target.insertAt, variable, format }];
}

const ENCRYPTION_KEY_ROLE = 'ENCRYPTION_KEY is the AES-256-GCM key Langfuse encrypts stored third-party secrets with (LLM provider API keys, PostHog/Mixpanel, blob storage, webhook and Slack credentials, SSO client secrets). It does not encrypt traces, prompts or other data in Postgres/ClickHouse/S3 — at-rest encryption is the storage layer\'s job.';

/** ENCRYPTION_KEY, NEXTAUTH_SECRET and SALT (docs/langfuse-behaviour.md §5.1, §6c, §11). */
export function checkCoreSecrets(target: DeploymentTarget, out: CheckCollector): void {
  checkEncryptionKey(target, out);
  checkSalt(target, out);
  if (target.role !== 'worker') checkNextauthSecret(target, out);
}

function checkEncryptionKey(target: DeploymentTarget, out: CheckCollector): void {
  const s = get(target, 'ENCRYPTION_KEY');
  if (!isSet(s)) {
    out.finding(s?.file ?? target.file, s?.valueRange ?? target.anchor, 'encryption-key-missing',
      l10n.t('ENCRYPTION_KEY is not set for {0}. Langfuse\'s docs list it as required: without it, storing LLM connections and integration credentials fails. {1} Generate one with: openssl rand -hex 32.', target.name, ENCRYPTION_KEY_ROLE),
      s && s.literal ? [{ kind: 'generateSecret', title: l10n.t('Generate a random ENCRYPTION_KEY (64 hex)'), file: s.file, range: s.valueRange, format: 'hex64' }]
        : !s ? generatedInsert(target, 'ENCRYPTION_KEY', 'hex64') : []);
    return;
  }
  if (decidedAtDeploy(s, 'encryption-key', out)) return;
  const where = valueLocation(s!);
  const generate = { kind: 'generateSecret' as const, title: l10n.t('Replace with a random ENCRYPTION_KEY (64 hex)'), file: where.file, range: where.range, format: 'hex64' as const };
  const fixes = s!.literal || s!.reference?.kind === 'interpolation' && s!.reference.resolvedIn ? [generate] : [];
  const v = s!.value!.trim();
  if (/^0+$/.test(v)) {
    out.finding(where.file, where.range, 'encryption-key-placeholder',
      l10n.t('ENCRYPTION_KEY is the all-zero placeholder from Langfuse\'s docker-compose.yml (# CHANGEME): everyone knows it, so the stored credentials it protects are effectively unencrypted. {0}', ENCRYPTION_KEY_ROLE), fixes);
  } else if (!/^[0-9a-fA-F]{64}$/.test(v)) {
    out.finding(where.file, where.range, 'encryption-key-invalid',
      `ENCRYPTION_KEY has ${v.length} characters${/^[0-9a-fA-F]*$/.test(v) ? '' : ' including non-hex ones'}; Langfuse needs exactly 64 hex characters (256 bits, decoded as hex: non-hex characters give a short key that fails when used). ${ENCRYPTION_KEY_ROLE} Generate one with: openssl rand -hex 32.`, fixes);
  } else {
    out.pass('encryption-key', s!.file, s!.keyRange.start.line, `ENCRYPTION_KEY: 64 hex characters (${describeSource(s!)})`);
  }
}

function checkSalt(target: DeploymentTarget, out: CheckCollector): void {
  const s = get(target, 'SALT');
  if (!isSet(s)) {
    out.finding(s?.file ?? target.file, s?.valueRange ?? target.anchor, 'salt-missing',
      l10n.t('SALT is not set for {0}: Langfuse refuses to start ("A strong Salt is required to encrypt API keys securely"). API keys are stored as hashes salted with it. Generate one with: openssl rand -base64 32.', target.name),
      !s ? generatedInsert(target, 'SALT', 'base64-32') : []);
    return;
  }
  if (decidedAtDeploy(s, 'api-key-salt', out)) return;
  const where = valueLocation(s!);
  const placeholder = placeholderOf(s!.value);
  if (placeholder) {
    out.finding(where.file, where.range, 'salt-placeholder',
      l10n.t('SALT is the published placeholder "{0}": API keys are hashed with it, so a known salt makes leaked key hashes easier to attack. Replace it with openssl rand -base64 32 (existing API keys stop working after a change, so do it before issuing keys).', placeholder),
      s!.literal || s!.reference?.kind === 'interpolation' && s!.reference.resolvedIn ? [{ kind: 'generateSecret', title: l10n.t('Replace with a random SALT'), file: where.file, range: where.range, format: 'base64-32' }] : []);
  } else {
    out.pass('api-key-salt', s!.file, s!.keyRange.start.line, `SALT set (${describeSource(s!)})`);
  }
}

function checkNextauthSecret(target: DeploymentTarget, out: CheckCollector): void {
  const s = get(target, 'NEXTAUTH_SECRET');
  if (!isSet(s)) {
    out.finding(s?.file ?? target.file, s?.valueRange ?? target.anchor, 'nextauth-secret-missing',
      l10n.t('NEXTAUTH_SECRET is not set for {0}: it signs the session cookies (JWT) of the web UI and is required in production. Generate one with: openssl rand -base64 32.', target.name),
      !s ? generatedInsert(target, 'NEXTAUTH_SECRET', 'base64-32') : []);
    return;
  }
  if (decidedAtDeploy(s, 'session-secret', out)) return;
  const where = valueLocation(s!);
  const placeholder = placeholderOf(s!.value);
  if (placeholder) {
    out.finding(where.file, where.range, 'nextauth-secret-placeholder',
      l10n.t('NEXTAUTH_SECRET is the published placeholder "{0}": anyone who knows it can forge session cookies and sign in as any user of this instance. Replace it with openssl rand -base64 32 (everyone is signed out once).', placeholder),
      s!.literal || s!.reference?.kind === 'interpolation' && s!.reference.resolvedIn ? [{ kind: 'generateSecret', title: l10n.t('Replace with a random NEXTAUTH_SECRET'), file: where.file, range: where.range, format: 'base64-32' }] : []);
  } else {
    out.pass('session-secret', s!.file, s!.keyRange.start.line, `NEXTAUTH_SECRET set (${describeSource(s!)})`);
  }
}
