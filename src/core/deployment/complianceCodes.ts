// Stable codes of deployment compliance findings (used in SARIF, JSON and the docs: never renamed or
// reused) and the requirements of the compliance report they belong to.
import type { Severity } from '../rules/ruleCodes';

export const Requirements = {
  'signup-disabled': { category: 'Registration', requirement: 'Public signup disabled (AUTH_DISABLE_SIGNUP=true)' },
  'sso-enforced': { category: 'Authentication', requirement: 'SSO enforced for the organization\'s domains (AUTH_DOMAINS_WITH_SSO_ENFORCEMENT)' },
  'sso-provider': { category: 'Authentication', requirement: 'At least one SSO provider fully configured (OIDC; callback /api/auth/callback/<provider>)' },
  'password-login': { category: 'Authentication', requirement: 'Password login disabled where SSO is enforced (AUTH_DISABLE_USERNAME_PASSWORD=true)' },
  'default-roles': { category: 'Default role', requirement: 'Least privilege for automatically provisioned users (LANGFUSE_DEFAULT_ORG_ROLE / LANGFUSE_DEFAULT_PROJECT_ROLE)' },
  'encryption-key': { category: 'Data encryption', requirement: 'ENCRYPTION_KEY is 64 hex characters (encrypts stored third-party credentials, not traces)' },
  'session-secret': { category: 'Session security', requirement: 'NEXTAUTH_SECRET set and not a placeholder' },
  'public-url': { category: 'Session security', requirement: 'NEXTAUTH_URL is the public https URL' },
  'api-key-salt': { category: 'API keys', requirement: 'SALT set and not a placeholder (API keys are hashed with it)' },
  'secrets-referenced': { category: 'Secrets handling', requirement: 'Secrets referenced (${VAR}, secretKeyRef), not written in deployment files; no default passwords' },
  'images-pinned': { category: 'Supply chain', requirement: 'Container images pinned to a version, not latest' },
  'self-hosted': { category: 'Deployment', requirement: 'Self-hosted mode (NEXT_PUBLIC_LANGFUSE_CLOUD_REGION unset)' },
  'headless-init': { category: 'Deployment', requirement: 'Headless initialisation complete and without default credentials (LANGFUSE_INIT_*)' },
  'readable-config': { category: 'Deployment', requirement: 'Configuration files readable' },
} as const;

export type RequirementId = keyof typeof Requirements;

/** `requirement: null`: the finding names its requirement itself (`DeploymentFinding.requirement`). */
interface CodeInfo { severity: Severity; requirement: RequirementId | null; summary: string }

export const ComplianceCodes = {
  'signup-enabled': { severity: 'warning', requirement: 'signup-disabled', summary: 'Anyone who can reach the instance can create an account.' },
  'sso-not-enforced': { severity: 'warning', requirement: 'sso-enforced', summary: 'Users of the organization\'s domain can still sign in with a password.' },
  'sso-no-provider': { severity: 'warning', requirement: 'sso-provider', summary: 'No SSO provider is fully configured.' },
  'sso-enforced-without-provider': { severity: 'error', requirement: 'sso-provider', summary: 'SSO is enforced for domains but no SSO provider is registered: those users cannot sign in.' },
  'sso-provider-incomplete': { severity: 'error', requirement: 'sso-provider', summary: 'An SSO provider lacks a required variable, so Langfuse silently does not register it.' },
  'sso-client-secret-missing': { severity: 'error', requirement: 'sso-provider', summary: 'An SSO provider\'s client secret is left empty (the SSO assistant leaves it for you to fill in): the provider is not registered until it is set.' },
  'sso-custom-name-missing': { severity: 'error', requirement: 'sso-provider', summary: 'AUTH_CUSTOM_* is set without AUTH_CUSTOM_NAME: the custom OIDC provider is not registered.' },
  'sso-saml-url': { severity: 'warning', requirement: 'sso-provider', summary: 'A SAML URL is used: Langfuse has no SAML, only OAuth2/OIDC.' },
  'sso-option-invalid': { severity: 'warning', requirement: 'sso-provider', summary: 'An SSO option has a value Langfuse does not accept.' },
  'sso-callback-url': { severity: 'info', requirement: 'sso-provider', summary: 'The redirect URI to register at the identity provider.' },
  'password-login-enabled': { severity: 'warning', requirement: 'password-login', summary: 'Email/password sign-in stays open for addresses outside the enforced domains.' },
  'no-login-method': { severity: 'error', requirement: 'password-login', summary: 'Password login is disabled and no SSO provider is registered: nobody can sign in.' },
  'default-org-role-privileged': { severity: 'warning', requirement: 'default-roles', summary: 'New users get a privileged organization role automatically.' },
  'default-project-role-privileged': { severity: 'warning', requirement: 'default-roles', summary: 'New users get a privileged project role automatically.' },
  'default-role-invalid': { severity: 'error', requirement: 'default-roles', summary: 'A default role variable has a value Langfuse rejects at startup.' },
  'default-project-role-org-wide': { severity: 'warning', requirement: 'default-roles', summary: 'Without project-level roles (EE) the default project role becomes an organization role.' },
  'default-role-no-effect': { severity: 'info', requirement: 'default-roles', summary: 'The default role variable has no effect as configured.' },
  'encryption-key-missing': { severity: 'error', requirement: 'encryption-key', summary: 'ENCRYPTION_KEY is not set.' },
  'encryption-key-invalid': { severity: 'error', requirement: 'encryption-key', summary: 'ENCRYPTION_KEY is not exactly 64 hex characters.' },
  'encryption-key-placeholder': { severity: 'error', requirement: 'encryption-key', summary: 'ENCRYPTION_KEY is the published all-zero placeholder.' },
  'encryption-key-mismatch': { severity: 'error', requirement: 'encryption-key', summary: 'Web and worker use different ENCRYPTION_KEY values.' },
  'nextauth-secret-missing': { severity: 'error', requirement: 'session-secret', summary: 'NEXTAUTH_SECRET is not set.' },
  'nextauth-secret-placeholder': { severity: 'error', requirement: 'session-secret', summary: 'NEXTAUTH_SECRET is a published placeholder.' },
  'nextauth-url-missing': { severity: 'error', requirement: 'public-url', summary: 'NEXTAUTH_URL is not set.' },
  'nextauth-url-invalid': { severity: 'error', requirement: 'public-url', summary: 'NEXTAUTH_URL is not a valid URL.' },
  'nextauth-url-not-https': { severity: 'warning', requirement: 'public-url', summary: 'NEXTAUTH_URL is not https.' },
  'salt-missing': { severity: 'error', requirement: 'api-key-salt', summary: 'SALT is not set.' },
  'salt-placeholder': { severity: 'error', requirement: 'api-key-salt', summary: 'SALT is a published placeholder.' },
  'default-password': { severity: 'error', requirement: 'secrets-referenced', summary: 'A password or secret is a published default (# CHANGEME).' },
  'inline-secret': { severity: 'warning', requirement: 'secrets-referenced', summary: 'A secret is written in the deployment file instead of referenced.' },
  'image-unpinned': { severity: 'warning', requirement: 'images-pinned', summary: 'The image tag is latest or missing.' },
  'image-floating': { severity: 'info', requirement: 'images-pinned', summary: 'The image tag follows a major version.' },
  'cloud-region-set': { severity: 'warning', requirement: 'self-hosted', summary: 'NEXT_PUBLIC_LANGFUSE_CLOUD_REGION switches on Langfuse Cloud behaviour.' },
  'init-incomplete': { severity: 'warning', requirement: 'headless-init', summary: 'LANGFUSE_INIT_* variables are set partially, so Langfuse skips that part and only logs a warning.' },
  'init-weak-password': { severity: 'error', requirement: 'headless-init', summary: 'LANGFUSE_INIT_USER_PASSWORD is shorter than 8 characters or a published default.' },
  'value-set-at-deploy-time': { severity: 'info', requirement: null, summary: 'A value comes from a variable none of the checked files define: it is set at deploy time and was not checked.' },
  'config-unreadable': { severity: 'error', requirement: 'readable-config', summary: 'The file cannot be read as a compose file, .env file or Helm values file.' },
  'env-file-missing': { severity: 'warning', requirement: 'readable-config', summary: 'A referenced env_file does not exist.' },
} as const satisfies Record<string, CodeInfo>;

export type ComplianceCode = keyof typeof ComplianceCodes;

/** The report row a finding belongs to. */
export function requirementOf(finding: { code: ComplianceCode; requirement?: RequirementId }): RequirementId {
  return finding.requirement ?? ComplianceCodes[finding.code].requirement ?? 'readable-config';
}
