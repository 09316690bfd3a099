// Secret sinks: where a rotated Langfuse key pair is pushed. One interface (SecretSink), one
// factory (createSink), one error hierarchy (SinkError).
//
// How the rotation uses a sink (each step is idempotent, so `--resume` can repeat any of them):
//   const sink = createSink('env:./.env', { lockDir, tool: 'cli', settings, vaultToken });
//   const before = await sink.snapshot();          // persist BEFORE writing: journal gets
//                                                  // {target, state}; restoreData goes to secure
//                                                  // storage when before.holdsSecret, else journal
//   await sink.write(newPair, { expectedPrevious: before.state });  // SinkConflictError if changed
//   (await sink.readBack(newPair)).matches         // compare by fingerprint, never by value
//   await sink.restore(before, { onlyIfHolding: fingerprintSecret(newPair.secretKey) });  // rollback
export type { KeyPair, RotationKeys, SinkKind, SinkState, SinkSnapshot, RestoreData, WriteOptions, WriteReceipt, ReadBackResult, RestoreOptions, SecretSink } from './types';
export { SinkError, SinkPermissionError, SinkNotFoundError, SinkConflictError, SinkNetworkError, SinkConfigError, SinkIoError, isSinkError, type SinkErrorCode } from './errors';
export { fingerprintSecret, holdsPair, describeDifference } from './fingerprint';
export { PairFields } from './pairFields';
export { parseSinkTarget, formatSinkTarget, sinkSpecHelp, type SinkTarget } from './spec';
export { SecretManagersSettings } from './settings';
export { createSink, type SinkFactoryOptions } from './createSink';
export { EnvFileSink, type EnvFileSinkOptions } from './env/envFileSink';
export { AccessFileSink, type AccessFileSinkOptions } from './access/accessFileSink';
export { AwsSecretsManagerSink, type AwsSinkConfig } from './aws/awsSecretsManagerSink';
export { PassSink, type PassSinkConfig } from './pass/passSink';
export { VaultKv2Sink } from './vault/vaultKv2Sink';
export type { VaultConnection } from './vault/vaultHttp';
export { vaultFromEnvironment, type VaultEnvironment } from './vault/vaultEnvironment';
export { SecretStorageSink, type SecretStorageLike } from './secretStorage/secretStorageSink';
