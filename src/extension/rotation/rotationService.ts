import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PendingSecrets, PendingSecretStore, RotationEngine } from '../../core/rotation/index';
import { SecretKeys, Settings, StateFiles } from '../../core/names';
import { actingIdentity } from '../actions/accessContext';
import { loadChunk } from '../lazy';
import type { Services } from '../services';

/**
 * Builds the rotation engine the way the extension runs it: the new secret is persisted in VS Code's
 * SecretStorage before anything else, journals and locks live in the shared state folder (so the CLI
 * sees this window's rotations as in progress), sinks are configured from user settings only.
 */
export interface ExtensionRotation {
  engine: RotationEngine;
  adminAvailable: boolean;
  /** The new pair of a rotation this window has worked on (kept as a stored project key when it completes). */
  newPairOf(rotationId: string): { publicKey: string; secretKey: string } | undefined;
}

export async function rotationEngineFor(services: Services, connectionId?: string): Promise<ExtensionRotation> {
  const chunk = loadChunk('rotation');
  let admin;
  if (connectionId) {
    const { connection, model } = await services.clients.get(connectionId);
    const overview = await model.overview();
    const pair = await services.connections.keyPair(connectionId);
    if (pair && overview.capabilities.keyKind === 'organization' && overview.capabilities.adminApi) {
      admin = chunk.createLangfuseClient({ baseUrl: connection.baseUrl, ...pair, logger: services.log });
    }
  }
  const rawSettings = vscode.workspace.getConfiguration().inspect(Settings.secretManagers)?.globalValue ?? {};
  const settings = chunk.SecretManagersSettings.safeParse(rawSettings);
  if (!settings.success) services.log.warn(`Ignoring malformed ${Settings.secretManagers}:`, settings.error.issues.map(i => i.message).join('; '));
  const vaultToken = await services.context.secrets.get(SecretKeys.sink('vault'));
  const cwd = vscode.workspace.workspaceFolders?.find(f => f.uri.scheme === 'file')?.uri.fsPath;
  const pending = new CapturingPendingStore(new chunk.SecretStoragePendingSecretStore(services.context.secrets));
  const engine = new chunk.RotationEngine({
    stateDir: services.stateDir,
    tool: 'extension',
    actor: actingIdentity() ?? 'unknown (set langfuseAccess.actingAs)',
    secrets: pending,
    admin,
    clientFor: (pair, baseUrl) => chunk.createLangfuseClient({ baseUrl, ...pair, logger: services.log }),
    sinkFor: target => chunk.createSink(target, {
      settings: settings.success ? settings.data : {},
      lockDir: path.join(services.stateDir, StateFiles.locksDir),
      tool: 'vscode',
      cwd,
      secretStorage: { storage: services.context.secrets, label: 'VS Code SecretStorage' },
      vaultToken,
    }),
    workspaceTrusted: () => vscode.workspace.isTrusted,
    audit: event => services.audit().append({
      action: event.action,
      resource: { kind: 'rotation', id: event.journal.id, name: event.journal.oldKey.publicKey, project: event.journal.project.name, connection: event.journal.connection.id, host: event.journal.connection.baseUrl },
      outcome: event.outcome,
      details: event.details,
    }),
  });
  return { engine, adminAvailable: !!admin, newPairOf: id => pending.newPairs.get(id) };
}

/** Remembers, in memory, the new pairs passing through the SecretStorage-backed pending store. */
class CapturingPendingStore implements PendingSecretStore {
  readonly newPairs = new Map<string, { publicKey: string; secretKey: string }>();
  constructor(private readonly inner: PendingSecretStore) {}
  describe(): string { return this.inner.describe(); }
  async load(rotationId: string): Promise<PendingSecrets | undefined> {
    const secrets = await this.inner.load(rotationId);
    if (secrets?.newPair) this.newPairs.set(rotationId, secrets.newPair);
    return secrets;
  }
  async save(secrets: PendingSecrets): Promise<void> {
    await this.inner.save(secrets);
    if (secrets.newPair) this.newPairs.set(secrets.rotationId, secrets.newPair);
  }
  wipe(rotationId: string): Promise<void> { return this.inner.wipe(rotationId); }
}
