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
  const who = ctx.profile ? `profile "${ctx.profile}"` : 'the default AWS credentials';
  if (name === 'CredentialsProviderError') {
    return new SinkPermissionError(ctx.target, `no AWS credentials found for ${who}`, `Sign in (aws sso login${ctx.profile ? ` --profile ${ctx.profile}` : ''}) or configure the profile in the secret manager settings`, name);
  }
  if (PERMISSION.has(name) || status === 401 || status === 403) {
    return new SinkPermissionError(ctx.target, `AWS refused the request with ${who} (${code})`, `Check "aws sts get-caller-identity" and that the IAM policy allows secretsmanager:DescribeSecret, GetSecretValue, CreateSecret, PutSecretValue and UpdateSecretVersionStage on ${ctx.secretId} (and kms:Decrypt/GenerateDataKey on its KMS key)`, code);
  }
  if (name === 'ResourceNotFoundException') {
    return new SinkNotFoundError(ctx.target, `secret ${ctx.secretId} does not exist`, 'Check the secret id and region; the first write creates it', code);
  }
  if (name === 'ResourceExistsException') {
    return new SinkConflictError(ctx.target, `secret ${ctx.secretId} was created or changed by someone else at the same time`, 'Re-read the target and start the step again', code);
  }
  if (name === 'InvalidRequestException') {
    return new SinkConflictError(ctx.target, `AWS refused the change to ${ctx.secretId} in its current state (e.g. scheduled for deletion) (${code})`, `Check the secret in the AWS console; restore it with "aws secretsmanager restore-secret --secret-id ${ctx.secretId}" if it is being deleted`, code);
  }
  if (/region is missing/i.test(e?.message ?? '')) {
    return new SinkConfigError(ctx.target, 'no AWS region is configured', 'Set the region in the secret manager settings (or AWS_REGION for the CLI)', name);
  }
  const sysCode = e?.code ?? (err as { cause?: { code?: string } })?.cause?.code;
  if (UNAVAILABLE.has(name) || (status !== undefined && status >= 500) || (sysCode && NETWORK_CODES.has(sysCode)) || NETWORK_CODES.has(name)) {
    return new SinkNetworkError(ctx.target, `AWS Secrets Manager at ${ctx.endpoint} could not be reached or is unavailable (${sysCode ?? code})`, 'Check the network, VPN and the endpoint/region settings, then try again', sysCode ?? code);
  }
  return new SinkIoError(ctx.target, `AWS Secrets Manager answered ${code}`, 'Try again; if it persists, check the secret in the AWS console', code);
}
