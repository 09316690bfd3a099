// The one place the AWS SDK is imported, on first use only: it must stay off the extension's
// activation path (a bundler can turn this into its own lazily-required chunk).
import type * as SecretsManager from '@aws-sdk/client-secrets-manager';

export type SecretsManagerSdk = typeof SecretsManager;

export function loadSecretsManagerSdk(): Promise<SecretsManagerSdk> {
  return import('@aws-sdk/client-secrets-manager');
}
