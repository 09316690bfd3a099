import { l10n } from '../../l10n/l10n';
import { SinkConfigError, SinkConflictError, SinkError, SinkIoError, SinkNetworkError, SinkNotFoundError, SinkPermissionError } from '../errors';

const PERMISSION = new Set(['AccessDeniedException', 'AccessDenied', 'UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignature', 'ExpiredTokenException', 'ExpiredToken', 'InvalidClientTokenId', 'DecryptionFailure', 'KMSAccessDeniedException']);
const UNAVAILABLE = new Set(['InternalServiceError', 'InternalServiceErrorException', 'ThrottlingException', 'LimitExceededException', 'ServiceUnavailable', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

export interface AwsContext { target: string; secretId: string; endpoint: string; profile?: string }

/**
 * Maps an SDK error to a sink error. Only the error's name and HTTP status are used: SDK errors
 * can carry the request (and with it the secret), so their message and object are never kept.
 */
export function awsSinkError(ctx: AwsContext, err: unknown): SinkError {
  if (err instanceof SinkError) return err;
  const e = err as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? 'Error';
  const status = e?.$metadata?.httpStatusCode;
  const code = `${name}${status ? ` (HTTP ${status})` : ''}`;
  if (name === 'CredentialsProviderError') {
    return new SinkPermissionError(ctx.target,
      ctx.profile ? l10n.t('no AWS credentials found for profile "{0}"', ctx.profile) : l10n.t('no AWS credentials found for the default AWS credentials'),
      l10n.t('Sign in ({0}) or configure the profile in the secret manager settings', `aws sso login${ctx.profile ? ` --profile ${ctx.profile}` : ''}`), name);
  }
  if (PERMISSION.has(name) || status === 401 || status === 403) {
    return new SinkPermissionError(ctx.target,
      ctx.profile ? l10n.t('AWS refused the request with profile "{0}" ({1})', ctx.profile, code) : l10n.t('AWS refused the request with the default AWS credentials ({0})', code),
      l10n.t('Check "{0}" and that the IAM policy allows {1} on {2} (and {3} on its KMS key)', 'aws sts get-caller-identity', 'secretsmanager:DescribeSecret, GetSecretValue, CreateSecret, PutSecretValue and UpdateSecretVersionStage', ctx.secretId, 'kms:Decrypt/GenerateDataKey'), code);
  }
  if (name === 'ResourceNotFoundException') {
    return new SinkNotFoundError(ctx.target, l10n.t('secret {0} does not exist', ctx.secretId), l10n.t('Check the secret id and region; the first write creates it'), code);
  }
  if (name === 'ResourceExistsException') {
    return new SinkConflictError(ctx.target, l10n.t('secret {0} was created or changed by someone else at the same time', ctx.secretId), l10n.t('Re-read the target and start the step again'), code);
  }
  if (name === 'InvalidRequestException') {
    return new SinkConflictError(ctx.target, l10n.t('AWS refused the change to {0} in its current state (e.g. scheduled for deletion) ({1})', ctx.secretId, code), l10n.t('Check the secret in the AWS console; restore it with "{0}" if it is being deleted', `aws secretsmanager restore-secret --secret-id ${ctx.secretId}`), code);
  }
  if (/region is missing/i.test(e?.message ?? '')) {
    return new SinkConfigError(ctx.target, l10n.t('no AWS region is configured'), l10n.t('Set the region in the secret manager settings (or {0} for the CLI)', 'AWS_REGION'), name);
  }
  const sysCode = e?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  if (UNAVAILABLE.has(name) || (status !== undefined && status >= 500) || (sysCode && NETWORK_CODES.has(sysCode)) || NETWORK_CODES.has(name)) {
    return new SinkNetworkError(ctx.target, l10n.t('AWS Secrets Manager at {0} could not be reached or is unavailable ({1})', ctx.endpoint, sysCode ?? code), l10n.t('Check the network, VPN and the endpoint/region settings, then try again'), sysCode ?? code);
  }
  return new SinkIoError(ctx.target, l10n.t('AWS Secrets Manager answered {0}', code), l10n.t('Try again; if it persists, check the secret in the AWS console'), code);
}
