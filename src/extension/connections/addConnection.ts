import * as vscode from 'vscode';
import { connectionIdFor, type KeyPair } from '../../core/connections/connection';
import { baseUrlProblem, CONNECTION_REGION_OTHER, connectionNameProblem, publicKeyInputProblem, secretKeyInputProblem } from '../../core/connections/connectionInput';
import type { ConnectionCheck } from '../../core/langfuse/connectionCheck';
import { shortPublicKey } from '../../core/log/redact';
import { MultiStepInput, type Step, type StepDriver } from '../ui/multiStepInput';
import { dialog, progressText } from '../ui/notifications';
import type { Connection, ConnectionStore } from './connectionStore';


export type CheckConnection = (baseUrl: string, pair: KeyPair) => Promise<ConnectionCheck>;

interface Region { label: string; description: string; baseUrl?: string }

interface State {
  baseUrl?: string;
  name?: string;
  publicKey?: string;
  secretKey?: string;
  region?: Region;
}

const TITLE = 'Add Langfuse Connection';
const TOTAL = 5;

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
  const state: State = { baseUrl: existing?.baseUrl, name: existing?.name };
  const regionItems: Region[] = [
    ...regions.map(r => ({ label: r.label, description: new URL(r.baseUrl).host, baseUrl: r.baseUrl })),
    CONNECTION_REGION_OTHER,
  ];

  const pickRegion: Step<State> = async (input, s) => {
    s.region = await input.pick({ title: TITLE, step: 1, totalSteps: TOTAL, placeholder: vscode.l10n.t('Where is your Langfuse organization?'), items: regionItems,
      activeItem: regionItems.find(r => r.baseUrl === s.baseUrl) });
    if (s.region.baseUrl) { s.baseUrl = s.region.baseUrl; return askName; }
    return askUrl;
  };
  const askUrl: Step<State> = async (input, s) => {
    s.baseUrl = (await input.text({ title: TITLE, step: 2, totalSteps: TOTAL, prompt: vscode.l10n.t('The base URL of your Langfuse instance (without /api/public)'),
      placeholder: 'https://langfuse.example.com', value: s.baseUrl && !s.region?.baseUrl ? s.baseUrl : '',
      validate: baseUrlProblem })).trim().replace(/\/+$/, '');
    return askName;
  };
  const askName: Step<State> = async (input, s) => {
    s.name = (await input.text({ title: TITLE, step: 3, totalSteps: TOTAL, prompt: vscode.l10n.t('A name for this connection (a workspace access file refers to it by this name)'),
      value: s.name ?? '', placeholder: 'acme-eu',
      validate: v => connectionNameProblem(v, store.list().filter(c => c.id !== existing?.id).map(c => c.name)) })).trim();
    return askPublicKey;
  };
  const askPublicKey: Step<State> = async (input, s) => {
    s.publicKey = (await input.text({ title: TITLE, step: 4, totalSteps: TOTAL, prompt: vscode.l10n.t('Public key (pk-lf-…) of an organization API key — or a project key for a read-only view of one project'),
      value: s.publicKey ?? '', placeholder: vscode.l10n.t('pk-lf-…'), validate: publicKeyInputProblem })).trim();
    return askSecretKey;
  };
  const askSecretKey: Step<State> = async (input, s) => {
    s.secretKey = (await input.text({ title: TITLE, step: 5, totalSteps: TOTAL, prompt: vscode.l10n.t('Secret key (sk-lf-…) for {0}. Stored only in VS Code\'s SecretStorage.', shortPublicKey(s.publicKey!)),
      password: true, placeholder: vscode.l10n.t('sk-lf-…'), validate: secretKeyInputProblem })).trim();
  };

  if (await MultiStepInput.run(pickRegion, state, driver) === 'cancelled') return undefined;
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
