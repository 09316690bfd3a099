// The compliance report's category and requirement of each row, translated when the report is built.
// `Requirements` (complianceCodes.ts) keeps the English for SARIF and the docs (machine-readable, never
// translated); test/unit/deployment/fixes-report.test.ts holds both equal in English.
import { l10n } from '../l10n/l10n';
import type { RequirementId } from './complianceCodes';

export interface RequirementText { category: string; requirement: string }

const authentication = () => l10n.t('Authentication');
const sessionSecurity = () => l10n.t('Session security');
const deployment = () => l10n.t('Deployment');

export function requirementText(id: RequirementId): RequirementText {
  switch (id) {
    case 'signup-disabled': return { category: l10n.t('Registration'), requirement: l10n.t('Public signup disabled (AUTH_DISABLE_SIGNUP=true)') };
    case 'sso-enforced': return { category: authentication(), requirement: l10n.t('SSO enforced for the organization\'s domains (AUTH_DOMAINS_WITH_SSO_ENFORCEMENT)') };
    case 'sso-provider': return { category: authentication(), requirement: l10n.t('At least one SSO provider fully configured (OIDC; callback /api/auth/callback/<provider>)') };
    case 'password-login': return { category: authentication(), requirement: l10n.t('Password login disabled where SSO is enforced (AUTH_DISABLE_USERNAME_PASSWORD=true)') };
    case 'default-roles': return { category: l10n.t('Default role'), requirement: l10n.t('Least privilege for automatically provisioned users (LANGFUSE_DEFAULT_ORG_ROLE / LANGFUSE_DEFAULT_PROJECT_ROLE)') };
    case 'encryption-key': return { category: l10n.t('Data encryption'), requirement: l10n.t('ENCRYPTION_KEY is 64 hex characters (encrypts stored third-party credentials, not traces)') };
    case 'session-secret': return { category: sessionSecurity(), requirement: l10n.t('NEXTAUTH_SECRET set and not a placeholder') };
    case 'public-url': return { category: sessionSecurity(), requirement: l10n.t('NEXTAUTH_URL is the public https URL') };
    case 'api-key-salt': return { category: l10n.t('API keys'), requirement: l10n.t('SALT set and not a placeholder (API keys are hashed with it)') };
    case 'secrets-referenced': return { category: l10n.t('Secrets handling'), requirement: l10n.t('Secrets referenced ({0}, secretKeyRef), not written in deployment files; no default passwords', '${VAR}') };
    case 'images-pinned': return { category: l10n.t('Supply chain'), requirement: l10n.t('Container images pinned to a version, not latest') };
    case 'self-hosted': return { category: deployment(), requirement: l10n.t('Self-hosted mode (NEXT_PUBLIC_LANGFUSE_CLOUD_REGION unset)') };
    case 'headless-init': return { category: deployment(), requirement: l10n.t('Headless initialisation complete and without default credentials (LANGFUSE_INIT_*)') };
    case 'readable-config': return { category: deployment(), requirement: l10n.t('Configuration files readable') };
  }
}

/** The row the report adds when it includes the audit log. */
export function auditTrailText(): RequirementText {
  return { category: l10n.t('Audit trail'), requirement: l10n.t('Access changes logged, hash-chained and signed (langfuse-access audit log)') };
}
