// Entry of dist/chunks/core.js, the one shared chunk: the Langfuse client (undici, zod), the session
// layer, the rotation engine and the secret sinks. The extension requires it on first use; the other
// chunks and the CLI require it instead of bundling their own copies (esbuild.js maps the modules),
// so there is one client module — one gate per host — and one set of error classes per process.
export * from '../langfuse/index';
export * from '../session/index';
export * from '../rotation/index';
export { createSink, parseSinkTarget, formatSinkTarget, sinkSpecHelp, isSinkError } from '../secrets/index';
export { secretManagersFromSetting } from '../secrets/settings';
export { checkVaultToken, SINK_TOKENS, sinkTokenProblem, vaultTokenDecision, type SinkTokenId } from '../secrets/sinkTokens';
export { systemClock } from '../clock';
export { childrenOf, errorNode, findKeyNode } from '../org/accessTree';
export { checkConnection, type ConnectionCheck } from '../langfuse/connectionCheck';
export * from '../actions/index';
export { AccessRows, invalidationFor } from '../org/accessRows';
export { explainMemberAccessReport, isolationReportOf } from '../reports/gather';
export * as accessAsCode from '../accessAsCode/index';
