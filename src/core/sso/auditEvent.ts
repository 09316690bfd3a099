import type { AuditEvent } from '../audit/entry';
import type { SsoBlockResult } from './applyBlock';
import type { SsoSetupPlan } from './setupInput';

/** The audit entry of an SSO block written (or refused), the same from the CLI and the extension; never a secret. */
export function ssoSetupAuditEvent(plan: SsoSetupPlan, fileId: string, outcome: { result: SsoBlockResult; onlineCheck: 'passed' | 'failed' | 'skipped' } | { failure: string }): AuditEvent {
  const resource = { kind: 'deploymentFile', id: fileId, name: plan.provider.label };
  if ('failure' in outcome) return { action: 'sso.setup', resource, outcome: 'failure', details: { provider: plan.provider.id, reason: outcome.failure } };
  const { result, onlineCheck } = outcome;
  return {
    action: 'sso.setup', resource, outcome: 'success',
    details: { provider: plan.provider.id, redirectUri: plan.redirectUri, target: result.targetName, variables: result.written, clientSecretWritten: result.secretWritten, onlineCheck, enforcedDomains: plan.enforceDomains, passwordLoginDisabled: plan.disablePasswordLogin },
  };
}
