import * as vscode from 'vscode';
import { connectionIdFor, type KeyPair } from '../../core/connections/connection';
import { connectionSteps, type ConnectionState } from '../../core/connections/connectionSteps';
import type { ConnectionCheck } from '../../core/langfuse/connectionCheck';
import { MultiStepInput, type StepDriver } from '../ui/multiStepInput';
import { dialog, progressText } from '../ui/notifications';
import type { Connection, ConnectionStore } from './connectionStore';

export type CheckConnection = (baseUrl: string, pair: KeyPair) => Promise<ConnectionCheck>;

/**
 * "Add Connection…": region or URL → name → public key → secret key, then the pair is checked against
 * the server (key kind, organization, plan) and saved: the pair to SecretStorage, the rest to settings.
 * Returns the saved connection, or undefined when cancelled.
 */
export async function addConnectionFlow(
  store: ConnectionStore,
  regions: readonly { label: string; baseUrl: string }[],
  check: CheckConnection,
  existing?: Connection,
  driver?: StepDriver,
): Promise<{ connection: Connection; check: ConnectionCheck } | undefined> {
  const state: ConnectionState = { baseUrl: existing?.baseUrl, name: existing?.name };
  const first = connectionSteps(regions, () => store.list().filter(c => c.id !== existing?.id).map(c => c.name));
  if (await MultiStepInput.run(first, state, driver) === 'cancelled') return undefined;
  const pair: KeyPair = { publicKey: state.publicKey!, secretKey: state.secretKey! };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: progressText(vscode.l10n.t('Checking the key pair against {0}…', new URL(state.baseUrl!).host)) },
    () => check(state.baseUrl!, pair));
  if (!result.ok) {
    const choice = await dialog('error', result.summary, undefined, 'Save Anyway');
    if (choice !== 'Save Anyway') return undefined;
  } else if (result.warning) {
    const choice = await dialog('warning', `${result.summary}\n\n${result.warning}`, undefined, 'Save');
    if (choice !== 'Save') return undefined;
  }
  const connection: Connection = { id: existing?.id ?? connectionIdFor(state.name!, store.list().map(c => c.id)), name: state.name!, baseUrl: state.baseUrl! };
  await store.save(connection, pair);
  return { connection, check: result };
}
