import type * as vscode from 'vscode';
import type { AuditEvent } from '../core/audit/entry';
import type { Logger } from '../core/log/logger';
import type { ConnectionStore } from './connections/connectionStore';
import type { ClientProvider } from './langfuse/clientProvider';
import type { AuditLogView, AuditNode } from './audit/auditLogView';
import type { OrganizationNames } from './connections/organizationNames';
import type { ReportDocuments } from './ui/reportDocuments';
import type { EnvDiagnostics } from './diagnostics/envDiagnostics';
import type { KeyIndexService } from './diagnostics/keyIndexService';
import type { OnlineVerifier } from './diagnostics/onlineVerifier';
import type { AccessTreeProvider } from './tree/accessTreeProvider';
import type { AccessNode } from '../core/org/accessNodes';
import type { ExtensionPort } from './session/extensionPort';
import type { ProgressTasks } from './ui/progress';
import type { Prompter } from './ui/prompter';
import type { PausedRotationStatus } from './rotation/pausedRotationStatus';

/** Everything commands need, created once in activate() and passed in (no module-level state). */
export interface Services {
  context: vscode.ExtensionContext;
  log: Logger;
  channel: vscode.LogOutputChannel;
  connections: ConnectionStore;
  tree: AccessTreeProvider;
  treeView: vscode.TreeView<AccessNode>;
  diagnostics: EnvDiagnostics;
  keyIndex: KeyIndexService;
  online: OnlineVerifier;
  auditView: AuditLogView;
  auditTreeView: vscode.TreeView<AuditNode>;
  /** Read-only report documents (ui/reportDocuments.ts): every report and plan opens through it. */
  reports: ReportDocuments;
  organizationNames: OrganizationNames;
  /** The status bar item that stays while one of this window's rotations is paused. */
  rotationStatus: PausedRotationStatus;
  clients: ClientProvider;
  /** Dialogs and pickers; replaced by a scripted prompter in the integration tests. */
  ui: Prompter;
  /** Long network and file work under a progress indicator, cancellable (see ui/progress.ts). */
  progress: ProgressTasks;
  /** The session's edge (dialogs, SecretStorage, settings); created on first use with the core chunk. */
  port(): ExtensionPort;
  /** Appends to the audit log through the session host (opened on first use, not at activation). */
  record(event: AuditEvent): void;
  auditFile: string;
  stateDir: string;
}
