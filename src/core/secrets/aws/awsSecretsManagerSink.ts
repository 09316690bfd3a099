// AWS Secrets Manager: one JSON secret {LANGFUSE_PUBLIC_KEY, LANGFUSE_SECRET_KEY, LANGFUSE_BASE_URL}
// (other fields in it are kept). A new pair goes in as AWSPENDING, is read back, then AWSCURRENT is
// moved onto it; AWS relabels the old version AWSPREVIOUS, so consumers can roll back on their own.
// The SDK is loaded on first use (dynamic import) so it is never on the extension's activation path.
import * as crypto from 'node:crypto';
import type * as SecretsManager from '@aws-sdk/client-secrets-manager';
import { loadSecretsManagerSdk, type SecretsManagerSdk } from './loadSdk';
import { SinkConflictError, SinkNotFoundError } from '../errors';
import { l10n } from '../../l10n/l10n';
import { checkedEndpoint } from '../endpointUrl';
import { fingerprintSecret, holdsPair, readBackResult, sameHolding } from '../fingerprint';
import { mergePairIntoRecord, stateFromRecord, validatePair } from '../pairFields';
import type { KeyPair, ReadBackResult, RestoreOptions, SecretSink, SinkSnapshot, SinkState, WriteOptions, WriteReceipt } from '../types';
import { awsSinkError, type AwsContext } from './awsErrors';

export interface AwsSinkConfig {
  /** Defaults to the SDK's own resolution (AWS_REGION, the profile's region). */
  region?: string;
  /** A custom endpoint (VPC endpoint, or a local stand-in): https://, or http:// on loopback. */
  endpoint?: string;
  profile?: string;
  /** Explicit credentials; otherwise the SDK's default chain (env, profile, SSO, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** SDK attempts per call (default 3). */
  maxAttempts?: number;
  /** KMS key for a secret this sink creates; AWS's default key otherwise. */
  kmsKeyId?: string;
}

type Sdk = SecretsManagerSdk;
const CURRENT = 'AWSCURRENT';
const PENDING = 'AWSPENDING';
const RACE_RETRIES = 5;

export class AwsSecretsManagerSink implements SecretSink {
  readonly kind = 'aws-sm';
  readonly target: string;
  private readonly ctx: AwsContext;
  private client?: Promise<{ sdk: Sdk; client: SecretsManager.SecretsManagerClient }>;

  constructor(readonly secretId: string, private readonly config: AwsSinkConfig = {}) {
    this.target = `aws-sm:${secretId}`;
    if (config.endpoint) checkedEndpoint(this.target, config.endpoint, l10n.t('the AWS endpoint'));
    this.ctx = { target: this.target, secretId, endpoint: config.endpoint ?? (config.region ? `AWS (${config.region})` : l10n.t('AWS (default region)')), profile: config.profile };
  }

  describe(): string {
    const where = [this.config.region && l10n.t('region {0}', this.config.region), this.config.profile && l10n.t('profile {0}', this.config.profile), this.config.endpoint && l10n.t('endpoint {0}', this.config.endpoint)].filter(Boolean).join(', ');
    return where ? l10n.t('AWS Secrets Manager secret {0} ({1})', this.secretId, where) : l10n.t('AWS Secrets Manager secret {0}', this.secretId);
  }

  async read(): Promise<SinkState> {
    return (await this.readCurrent()).state;
  }

  async snapshot(): Promise<SinkSnapshot> {
    const state = await this.read();
    return { target: this.target, state, holdsSecret: false, restoreData: { kind: 'aws-version', versionId: state.version ?? null } };
  }

  async write(pair: KeyPair, options: WriteOptions = {}): Promise<WriteReceipt> {
    validatePair(this.target, pair);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.writeOnce(pair, options);
      } catch (err) {
        const mapped = awsSinkError(this.ctx, err);
        // Without an expected previous state, losing a race to another writer is retried on fresh data.
        if (mapped instanceof SinkConflictError && !options.expectedPrevious && attempt < RACE_RETRIES) continue;
        await this.clearPendingLabel(clientRequestToken(this.secretId, pair));
        throw mapped;
      }
    }
  }

  private async writeOnce(pair: KeyPair, options: WriteOptions): Promise<WriteReceipt> {
    const { sdk, client } = await this.sdk();
    const token = clientRequestToken(this.secretId, pair);
    const current = await this.readCurrent();
    if (!current.state.exists) {
      if (options.expectedPrevious?.exists) throw this.conflict(l10n.t('the secret was deleted since it was read'));
      if (this.secretId.startsWith('arn:')) {
        throw new SinkNotFoundError(this.target, l10n.t('no secret has the ARN {0}', this.secretId), l10n.t('Check the ARN and region, or give a secret name ({0}) so the first write can create it', 'aws-sm:NAME'));
      }
      await client.send(new sdk.CreateSecretCommand({
        Name: this.secretId,
        SecretString: JSON.stringify(mergePairIntoRecord({}, pair)),
        ClientRequestToken: token,
        Description: 'Langfuse API key pair',
        KmsKeyId: this.config.kmsKeyId,
      }));
      return this.receipt(pair, token);
    }
    if (holdsPair(current.state, pair)) return { target: this.target, version: current.state.version ?? '', unchanged: true, state: current.state };
    const expected = options.expectedPrevious;
    if (expected && (expected.version !== undefined ? expected.version !== current.state.version : !sameHolding(expected, current.state))) {
      throw this.conflict(`AWSCURRENT is now version ${current.state.version} holding ${current.state.publicKey ?? 'no public key'}`);
    }
    const described = await client.send(new sdk.DescribeSecretCommand({ SecretId: this.secretId }));
    if (!described.VersionIdsToStages?.[token]) {
      await client.send(new sdk.PutSecretValueCommand({
        SecretId: this.secretId,
        ClientRequestToken: token,
        SecretString: JSON.stringify(mergePairIntoRecord(current.record, pair)),
        VersionStages: [PENDING],
      }));
    }
    const pending = await client.send(new sdk.GetSecretValueCommand({ SecretId: this.secretId, VersionId: token }));
    if (!holdsPair(stateFromRecord(parseRecord(this.target, pending.SecretString), token), pair)) {
      throw this.conflict(l10n.t('the new version does not hold the new pair when read back'));
    }
    try {
      // RemoveFromVersionId is AWS's own check-and-set: it fails if AWSCURRENT moved meanwhile.
      await client.send(new sdk.UpdateSecretVersionStageCommand({ SecretId: this.secretId, VersionStage: CURRENT, MoveToVersionId: token, RemoveFromVersionId: current.state.version }));
    } catch (err) {
      if ((err as { name?: string }).name === 'InvalidParameterException') throw this.conflict(l10n.t('{0} moved to another version during the write', 'AWSCURRENT'));
      throw err;
    }
    await this.clearPendingLabel(token);
    return this.receipt(pair, token);
  }

  /** Best effort: another writer's PutSecretValue may already have taken the AWSPENDING label. */
  private async clearPendingLabel(token: string): Promise<void> {
    const { sdk, client } = await this.sdk();
    try {
      await client.send(new sdk.UpdateSecretVersionStageCommand({ SecretId: this.secretId, VersionStage: PENDING, RemoveFromVersionId: token }));
    } catch { /* not on our version (or no version of ours): nothing to clear */ }
  }

  async readBack(pair: KeyPair): Promise<ReadBackResult> {
    return readBackResult(await this.read(), pair);
  }

  async restore(snapshot: SinkSnapshot, options: RestoreOptions = {}): Promise<SinkState> {
    const data = snapshot.restoreData;
    if (data.kind !== 'aws-version') throw new Error(`snapshot of ${snapshot.target} is not an AWS snapshot`);
    const { sdk, client } = await this.sdk();
    try {
      if (options.onlyIfHolding !== undefined) await this.clearPendingHolding(options.onlyIfHolding);
      const now = await this.read();
      const alreadyRestored = data.versionId === null ? !now.exists : now.version === data.versionId;
      if (alreadyRestored) return now;
      if (options.onlyIfHolding !== undefined && now.secretFingerprint !== options.onlyIfHolding) {
        throw this.conflict(`AWSCURRENT no longer holds the pair this rotation wrote (it holds ${now.publicKey ?? 'no public key'})`);
      }
      if (data.versionId === null) {
        // The rotation created this secret; roll back by removing it again.
        await client.send(new sdk.DeleteSecretCommand({ SecretId: this.secretId, ForceDeleteWithoutRecovery: true }));
      } else {
        await client.send(new sdk.UpdateSecretVersionStageCommand({ SecretId: this.secretId, VersionStage: CURRENT, MoveToVersionId: data.versionId, RemoveFromVersionId: now.version }));
      }
      return await this.read();
    } catch (err) {
      throw awsSinkError(this.ctx, err);
    }
  }

  /** A write killed before its stage move leaves AWSPENDING on the new pair; a rollback removes it. */
  private async clearPendingHolding(fingerprint: string): Promise<void> {
    const { sdk, client } = await this.sdk();
    let stages: Record<string, string[]>;
    try {
      stages = (await client.send(new sdk.DescribeSecretCommand({ SecretId: this.secretId }))).VersionIdsToStages ?? {};
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') return;
      throw err;
    }
    for (const [versionId, labels] of Object.entries(stages)) {
      if (!labels.includes(PENDING) || labels.includes(CURRENT)) continue;
      const out = await client.send(new sdk.GetSecretValueCommand({ SecretId: this.secretId, VersionId: versionId }));
      if (stateFromRecord(parseRecord(this.target, out.SecretString), versionId).secretFingerprint === fingerprint) await this.clearPendingLabel(versionId);
    }
  }

  /**
   * The version this write made current, read back by its VersionId: a writer that moved AWSCURRENT
   * is done even if another writer moves it on a moment later (the rotation's readBack sees that).
   */
  private async receipt(pair: KeyPair, versionId: string): Promise<WriteReceipt> {
    const { sdk, client } = await this.sdk();
    const out = await client.send(new sdk.GetSecretValueCommand({ SecretId: this.secretId, VersionId: versionId }));
    const state = stateFromRecord(parseRecord(this.target, out.SecretString), versionId);
    if (!holdsPair(state, pair)) throw this.conflict(l10n.t('the written version does not hold the new pair when read back'));
    return { target: this.target, version: versionId, unchanged: false, state };
  }

  private async readCurrent(): Promise<{ state: SinkState; record: Record<string, unknown> }> {
    const { sdk, client } = await this.sdk();
    try {
      const out = await client.send(new sdk.GetSecretValueCommand({ SecretId: this.secretId, VersionStage: CURRENT }));
      const record = parseRecord(this.target, out.SecretString);
      return { state: stateFromRecord(record, out.VersionId), record };
    } catch (err) {
      if ((err as { name?: string }).name === 'ResourceNotFoundException') return { state: { exists: false }, record: {} };
      throw awsSinkError(this.ctx, err);
    }
  }

  private conflict(problem: string): SinkConflictError {
    return new SinkConflictError(this.target, problem, l10n.t('Someone else changed the secret; re-read the target and start the step again'));
  }

  private sdk(): Promise<{ sdk: Sdk; client: SecretsManager.SecretsManagerClient }> {
    this.client ??= loadSecretsManagerSdk().then(sdk => ({
      sdk,
      client: new sdk.SecretsManagerClient({
        region: this.config.region,
        endpoint: this.config.endpoint,
        profile: this.config.profile,
        credentials: this.config.credentials,
        maxAttempts: this.config.maxAttempts ?? 3,
      }),
    }));
    return this.client;
  }
}

/**
 * The same pair for the same secret always gets the same token, so a write repeated after a crash
 * is idempotent on AWS's side (the token becomes the VersionId).
 */
export function clientRequestToken(secretId: string, pair: KeyPair): string {
  const h = crypto.createHash('sha256').update(`${secretId}\n${pair.publicKey}\n${fingerprintSecret(pair.secretKey)}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function parseRecord(target: string, secretString: string | undefined): Record<string, unknown> {
  if (secretString === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(secretString);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch { /* fall through */ }
  throw new SinkConflictError(target, l10n.t('the secret holds a value that is not a JSON object, so the pair cannot be merged into it'), l10n.t('Choose another secret id, or convert the secret to JSON key/value form'));
}
