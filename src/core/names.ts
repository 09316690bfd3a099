// Names shared by the extension, the CLI and the sandbox. The README documents them; later features
// extend this file instead of inventing their own spellings.
import { version } from '../../package.json';

export const EXTENSION_ID = 'langfuse-access.langfuse-access';
export const PREFIX = 'langfuseAccess';
export const TOOL_NAME = 'langfuse-access';
/** The package's version (package.json; esbuild inlines only this field). */
export const TOOL_VERSION: string = version;

/** Settings (contributes.configuration). Host/credential pointers are application-scoped and restricted. */
export const Settings = {
  connections: 'langfuseAccess.connections',
  allowedHosts: 'langfuseAccess.allowedHosts',
  secretManagers: 'langfuseAccess.secretManagers',
  actingAs: 'langfuseAccess.actingAs',
  rotationMaxAgeDays: 'langfuseAccess.rotation.maxAgeDays',
  verifyKeysOnline: 'langfuseAccess.verifyKeysOnline',
  keyNoteConvention: 'langfuseAccess.keys.noteConvention',
  auditForwarding: 'langfuseAccess.auditForwarding',
} as const;

export const DEFAULT_ROTATION_MAX_AGE_DAYS = 90;

/** SecretStorage keys. */
export const SecretKeys = {
  connection: (connectionId: string) => `${PREFIX}/connection/${connectionId}`,
  projectKey: (publicKey: string) => `${PREFIX}/key/${publicKey}`,
  sink: (sinkId: string) => `${PREFIX}/sink/${sinkId}`,
  /** A rotation's pending secrets until it finishes. */
  rotation: (rotationId: string) => `${PREFIX}/rotation/${rotationId}`,
  /** The `secretstorage` store of a key declared in an access file (project name and key note). */
  declaredKey: (project: string, note: string) => `${PREFIX}/declared/${encodeURIComponent(project)}/${encodeURIComponent(note)}`,
  isConnection: (key: string) => key.startsWith(`${PREFIX}/connection/`),
  connectionIdOf: (key: string) => key.slice(`${PREFIX}/connection/`.length),
} as const;

/** Command ids. Every id here is contributed in package.json and registered in src/extension/commands.ts. */
export const Commands = {
  addConnection: 'langfuseAccess.addConnection',
  editConnection: 'langfuseAccess.editConnection',
  connectSandbox: 'langfuseAccess.connectSandbox',
  removeConnection: 'langfuseAccess.removeConnection',
  addMember: 'langfuseAccess.addMember',
  changeOrgRole: 'langfuseAccess.changeOrgRole',
  removeMember: 'langfuseAccess.removeMember',
  setProjectRole: 'langfuseAccess.setProjectRole',
  resetProjectRole: 'langfuseAccess.resetProjectRole',
  removeFromProject: 'langfuseAccess.removeFromProject',
  createApiKey: 'langfuseAccess.createApiKey',
  revokeApiKey: 'langfuseAccess.revokeApiKey',
  copyPublicKey: 'langfuseAccess.copyPublicKey',
  explainAccess: 'langfuseAccess.explainAccess',
  checkIsolation: 'langfuseAccess.checkIsolation',
  applyEnvFix: 'langfuseAccess.applyEnvFix',
  revealKey: 'langfuseAccess.revealKey',
  createApiKeyForProject: 'langfuseAccess.createApiKeyForProject',
  scaffoldAccessFile: 'langfuseAccess.scaffoldAccessFile',
  lintWorkspace: 'langfuseAccess.lintWorkspace',
  verifyKeysOnline: 'langfuseAccess.verifyKeysOnline',
  rotateKey: 'langfuseAccess.rotateKey',
  resumeRotation: 'langfuseAccess.resumeRotation',
  abortRotation: 'langfuseAccess.abortRotation',
  editRotationTargets: 'langfuseAccess.editRotationTargets',
  auditOpenEntry: 'langfuseAccess.auditOpenEntry',
  auditShowMore: 'langfuseAccess.auditShowMore',
  auditFilter: 'langfuseAccess.auditFilter',
  auditClearFilter: 'langfuseAccess.auditClearFilter',
  auditVerify: 'langfuseAccess.auditVerify',
  auditExport: 'langfuseAccess.auditExport',
  auditRefresh: 'langfuseAccess.auditRefresh',
  setSiemToken: 'langfuseAccess.setSiemToken',
  setVaultToken: 'langfuseAccess.setVaultToken',
  applyDeploymentFix: 'langfuseAccess.applyDeploymentFix',
  complianceReport: 'langfuseAccess.complianceReport',
  openLangfuseAuditLog: 'langfuseAccess.openLangfuseAuditLog',
  refresh: 'langfuseAccess.refresh',
  showLogs: 'langfuseAccess.showLogs',
  openAuditLog: 'langfuseAccess.openAuditLog',
  openStateFolder: 'langfuseAccess.openStateFolder',
  setUpSso: 'langfuseAccess.setUpSso',
  /** Access as code: the live organization into `.langfuse/access.yaml`, its plan, its apply. */
  exportAccess: 'langfuseAccess.exportAccess',
  planAccess: 'langfuseAccess.planAccess',
  applyAccess: 'langfuseAccess.applyAccess',
  /** The quick fix "Apply this change" of a drift diagnostic (file URI, change id). */
  applyAccessChange: 'langfuseAccess.applyAccessChange',
  /** Reads the live organization again for the open access file's drift diagnostics. */
  refreshAccessDrift: 'langfuseAccess.refreshAccessDrift',
} as const;

/** URI schemes of the extension's virtual documents. */
export const DocumentSchemes = {
  /** Read-only reports (Explain Access, Check Isolation, audit entries, rotation and compliance reports, plans). */
  report: 'langfuse-access-report',
} as const;

/** URI scheme of the read-only plan and apply documents. */
export const PLAN_DOCUMENT_SCHEME = 'langfuse-access-plan';

export const Views = {
  container: 'langfuseAccess',
  tree: 'langfuseAccess.accessTree',
  auditLog: 'langfuseAccess.auditLog',
} as const;

/** Keys of the extension's globalState (non-secret facts) and other ids the extension registers. */
export const StateKeys = {
  storedProjectKeys: 'langfuseAccess.storedProjectKeys',
  secretStorageNoticeShown: 'langfuseAccess.secretStorageNoticeShown',
  /** Organization names learnt from project keys, per connection (not secret). */
  organizationNames: 'langfuseAccess.organizationNames',
  /** Rotation ids the user said "Don't ask" for at start-up. */
  resumeNotAsked: 'langfuseAccess.resumeNotAsked',
} as const;
/** The connection "Connect to Local Sandbox" saves (the sandbox of `npm start`). */
export const SANDBOX_CONNECTION_ID = 'local-sandbox';

export const StatusBarIds = { envStatus: 'langfuseAccess.envStatus', pausedRotation: 'langfuseAccess.pausedRotation' } as const;

export const ContextKeys = {
  hasConnections: 'langfuseAccess.hasConnections',
  auditFiltered: 'langfuseAccess.auditFiltered',
  /** Some rotation of this machine is unfinished: Resume / Abort Key Rotation are offered. */
  hasUnfinishedRotations: 'langfuseAccess.hasUnfinishedRotations',
} as const;

/** The per-user state folder shared by the extension and the CLI (audit log, rotation journals, locks). */
export const STATE_DIR_NAME = 'langfuse-access';
export const StateFiles = {
  auditLog: 'audit.jsonl',
  auditLock: 'audit.lock',
  rotationsDir: 'rotations',
  /** Access-as-code apply journals (what each apply did, step by step; no secret). */
  appliesDir: 'applies',
  locksDir: 'locks',
  /** `langfuse-access conformance`: one journal per run of what it created, until cleaned up. */
  conformanceDir: 'conformance',
} as const;

/** Everything `langfuse-access conformance` creates carries this prefix (project names, key notes, member emails). */
export const CONFORMANCE_PREFIX = 'lfa-conformance-';

/** `npm run test:live`: the server the conformance suite runs against (plus CliEnv.actingAs). */
export const LiveEnv = {
  baseUrl: 'LANGFUSE_LIVE_BASE_URL',
  publicKey: 'LANGFUSE_LIVE_PUBLIC_KEY',
  secretKey: 'LANGFUSE_LIVE_SECRET_KEY',
} as const;

/** CLI conventions. Credentials never travel in argv. */
export const CliEnv = {
  publicKey: 'LANGFUSE_ACCESS_PUBLIC_KEY',
  secretKey: 'LANGFUSE_ACCESS_SECRET_KEY',
  baseUrl: 'LANGFUSE_ACCESS_BASE_URL',
  credentialsFile: 'LANGFUSE_ACCESS_CREDENTIALS_FILE',
  actingAs: 'LANGFUSE_ACCESS_ACTING_AS',
  /** `sso setup`: the identity provider's client secret, written only into a git-ignored .env. */
  ssoClientSecret: 'LANGFUSE_ACCESS_SSO_CLIENT_SECRET',
  /** Set by `npm start` so "Connect to local sandbox" finds the sandbox's key pairs. */
  sandboxCredentials: 'LANGFUSE_ACCESS_SANDBOX_CREDENTIALS',
  /** The CLI's language (e.g. `de`, `pt-br`); else LC_ALL, LC_MESSAGES, LANG. English when no bundle matches. */
  locale: 'LANGFUSE_ACCESS_LOCALE',
} as const;

export const CONFIG_DIR_NAME = 'langfuse-access';
export const CONNECTIONS_FILE = 'connections.yaml';

export const ExitCode = {
  ok: 0,
  findings: 1,
  usage: 2,
} as const;
