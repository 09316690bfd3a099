// Stable finding codes. They appear in SARIF, JSON output, `ignore:` entries of access files and the
// docs, so a code is never renamed or reused; add new ones instead.

export type Severity = 'error' | 'warning' | 'info';

export interface RuleInfo {
  severity: Severity;
  /** One line for SARIF rule metadata and `lint --help`-style listings. */
  summary: string;
}

export const Rules = {
  'wrong-project': { severity: 'error', summary: 'The key belongs to another project than the one this file\'s environment expects.' },
  'mismatched-pair': { severity: 'error', summary: 'Public and secret key come from different key pairs; Langfuse answers as the secret key\'s project.' },
  'pair-unverified': { severity: 'info', summary: 'Whether public and secret key form one pair cannot be checked without the organization\'s key index or an online check.' },
  'revoked-key': { severity: 'error', summary: 'The key was deleted or is rejected by the server (401).' },
  'organization-key': { severity: 'error', summary: 'An organization key is in a .env file; SDKs need a project key, and an organization key can manage members and keys.' },
  'unknown-key': { severity: 'warning', summary: 'The key is not a key of the connected organization (another organization, region or a deleted key).' },
  'key-project-unknown': { severity: 'info', summary: 'Which project the key belongs to is unknown offline.' },
  'shared-key': { severity: 'warning', summary: 'The same key is used in files of different environments.' },
  'production-key-not-ignored': { severity: 'warning', summary: 'A production key is in a file that git does not ignore.' },
  'secret-in-tracked-file': { severity: 'error', summary: 'A secret key is in a file tracked by git.' },
  'base-url-mismatch': { severity: 'warning', summary: 'The base URL differs from the host of the workspace\'s connection.' },
  'key-foreign-host': { severity: 'error', summary: 'A Langfuse key is next to a base URL that is not its connection\'s host, so the SDK sends the key pair to that host.' },
  'base-url-invalid': { severity: 'error', summary: 'The base URL is not a URL an SDK can use (plain http to a remote host, a path ending in /api/public, not a URL).' },
  'variable-ignored-by-sdk': { severity: 'warning', summary: 'The SDK in use does not read this variable.' },
  'legacy-variable': { severity: 'info', summary: 'A legacy or deprecated variable name.' },
  'rotation-overdue': { severity: 'warning', summary: 'The key is older than the rotation policy allows.' },
  'unbalanced-quote': { severity: 'error', summary: 'A quote is opened and never closed: the value keeps the quote character or swallows the following lines.' },
  'not-an-assignment': { severity: 'warning', summary: 'A line mentioning a Langfuse variable is not a NAME=value assignment, so SDKs ignore it.' },
  'key-whitespace': { severity: 'error', summary: 'The key has blanks around or inside it that some loaders keep.' },
  'key-multiline': { severity: 'error', summary: 'The key spans several lines.' },
  'display-secret-key': { severity: 'error', summary: 'The secret is the masked display form (sk-lf-...abcd), not the secret itself.' },
  'swapped-keys': { severity: 'error', summary: 'A secret key is in the public-key variable or the other way round.' },
  'key-format': { severity: 'warning', summary: 'The key does not start with pk-lf- / sk-lf-.' },
  'key-contains-colon': { severity: 'error', summary: 'The key contains ":", which breaks HTTP Basic authentication.' },
  'duplicate-variable': { severity: 'warning', summary: 'The variable is defined more than once; the last definition wins.' },
  'access-file-invalid': { severity: 'error', summary: 'The workspace access file (.langfuse/access.yaml) is not valid.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof Rules;

export const RULE_CODES = Object.keys(Rules) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.prototype.hasOwnProperty.call(Rules, code);
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
