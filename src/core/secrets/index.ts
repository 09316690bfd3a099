// Secret sinks: where a rotated Langfuse key pair is pushed. One interface (SecretSink), one
// factory (createSink), one error hierarchy (SinkError).
export type { KeyPair, SinkKind, SinkState, SinkSnapshot, RestoreData, WriteOptions, WriteReceipt, ReadBackResult, RestoreOptions, SecretSink } from './types';
export { SinkError, SinkPermissionError, SinkNotFoundError, SinkConflictError, SinkNetworkError, SinkConfigError, SinkIoError, isSinkError, type SinkErrorCode } from './errors';
export { fingerprintSecret, holdsPair, describeDifference } from './fingerprint';
export { PairFields } from './pairFields';
export { parseSinkTarget, formatSinkTarget, SINK_SPEC_HELP, type SinkTarget } from './spec';
export { SecretManagersSettings } from './settings';
export { createSink, type SinkFactoryOptions } from './createSink';
export { EnvFileSink, type EnvFileSinkOptions } from './env/envFileSink';
export { AwsSecretsManagerSink, type AwsSinkConfig } from './aws/awsSecretsManagerSink';
export { PassSink, type PassSinkConfig } from './pass/passSink';
export { VaultKv2Sink } from './vault/vaultKv2Sink';
export type { VaultConnection } from './vault/vaultHttp';
export { SecretStorageSink, type SecretStorageLike } from './secretStorage/secretStorageSink';
