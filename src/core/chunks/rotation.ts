// Entry of the lazily-required chunk dist/chunks/rotation.js: the rotation engine and the secret
// sinks it pushes to (the AWS SDK, undici for Vault). Loaded when a rotation starts or resumes.
export * from '../rotation/index';
// The engine tells errors apart by class, so its clients must come from this same bundle (a client
// from dist/chunks/langfuse.js would throw that bundle's classes).
export { createLangfuseClient } from '../langfuse/client';
export { createSink, parseSinkTarget, formatSinkTarget, SINK_SPEC_HELP, SecretManagersSettings, isSinkError } from '../secrets/index';
