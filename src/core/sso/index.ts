// Public surface of the SSO assistant for the CLI and the extension's lazily-loaded chunk.
export { SsoInputError, SsoWriteError } from './errors';
export { parsePublicUrl, redirectUriFor, isLoopbackHost } from './publicUrl';
export type { PublicUrl } from './publicUrl';
export { planSsoSetup, issuerField, SsoSetupInput } from './setupInput';
export type { SsoSetupPlan, IssuerField } from './setupInput';
export { planVariables, blockHeading, clientSecretVariable } from './variableBlock';
export { applySsoBlock, isGitIgnored, ssoDefaults } from './applyBlock';
export { renderConsoleGuide, renderOnlineCheck } from './report';
export { deploymentFilesFor, detectDeploymentKind } from '../deployment/readDeploymentFile';
export type { SsoBlockRequest, SsoBlockResult } from './applyBlock';
export { readDeploymentFileNoFollow, writeDeploymentFileNoFollow } from './safeWrite';
export { consoleFields, consoleWhere } from './consoleGuide';
export type { ConsoleField } from './consoleGuide';
export { checkProviderOnline, discoveryUrlOf } from './online/discoveryCheck';
export type { OnlineCheckOptions } from './online/discoveryCheck';
export type { CheckItem, OnlineCheckResult } from './online/checkItems';
export { SSO_PROVIDERS, LANGFUSE_SSO_VERSION, ssoProviderById } from '../deployment/ssoProviders';
export type { SsoProvider } from '../deployment/ssoProviders';
