import * as vscode from 'vscode';
import { checkBaseUrl, connectionIdFor, type KeyPair } from '../../core/connections/connection';
import type { ConnectionCheck } from '../../core/langfuse/connectionCheck';
import { shortPublicKey } from '../../core/log/redact';
import { MultiStepInput, type Step, type StepDriver } from '../ui/multiStepInput';
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
    { label: 'Self-hosted or other URL…', description: 'https://, or http:// on loopback' },
  ];

  const pickRegion: Step<State> = async (input, s) => {
    s.region = await input.pick({ title: TITLE, step: 1, totalSteps: TOTAL, placeholder: 'Where is your Langfuse organization?', items: regionItems,
      activeItem: regionItems.find(r => r.baseUrl === s.baseUrl) });
    if (s.region.baseUrl) { s.baseUrl = s.region.baseUrl; return askName; }
    return askUrl;
  };
  const askUrl: Step<State> = async (input, s) => {
    s.baseUrl = (await input.text({ title: TITLE, step: 2, totalSteps: TOTAL, prompt: 'The base URL of your Langfuse instance (without /api/public)',
      placeholder: 'https://langfuse.example.com', value: s.baseUrl && !s.region?.baseUrl ? s.baseUrl : '',
      validate: v => { const r = checkBaseUrl(v.trim()); return r.ok ? (/\/api(\/public)?\/?$/.test(r.url.pathname) ? 'Leave out /api/public: use the instance address.' : undefined) : r.reason; } })).trim().replace(/\/+$/, '');
    return askName;
  };
  const askName: Step<State> = async (input, s) => {
    s.name = (await input.text({ title: TITLE, step: 3, totalSteps: TOTAL, prompt: 'A name for this connection (a workspace access file refers to it by this name)',
      value: s.name ?? '', placeholder: 'acme-eu',
      validate: v => !v.trim() ? 'Enter a name.' : store.list().some(c => c.name === v.trim() && c.id !== existing?.id) ? `A connection named "${v.trim()}" exists already.` : undefined })).trim();
    return askPublicKey;
  };
  const askPublicKey: Step<State> = async (input, s) => {
    s.publicKey = (await input.text({ title: TITLE, step: 4, totalSteps: TOTAL, prompt: 'Public key (pk-lf-…) of an organization API key — or a project key for a read-only view of one project',
      value: s.publicKey ?? '', placeholder: 'pk-lf-…', validate: validatePublicKey })).trim();
    return askSecretKey;
  };
  const askSecretKey: Step<State> = async (input, s) => {
    s.secretKey = (await input.text({ title: TITLE, step: 5, totalSteps: TOTAL, prompt: `Secret key (sk-lf-…) for ${shortPublicKey(s.publicKey!)}. Stored only in VS Code's SecretStorage.`,
      password: true, placeholder: 'sk-lf-…', validate: validateSecretKey })).trim();
  };

  if (await MultiStepInput.run(pickRegion, state, driver) === 'cancelled') return undefined;
  const pair: KeyPair = { publicKey: state.publicKey!, secretKey: state.secretKey! };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking the key pair against ${new URL(state.baseUrl!).host}…` },
    () => check(state.baseUrl!, pair));
  if (!result.ok) {
    const choice = await vscode.window.showErrorMessage(result.summary, { modal: true }, 'Save Anyway');
    if (choice !== 'Save Anyway') return undefined;
  } else if (result.warning) {
    const choice = await vscode.window.showWarningMessage(`${result.summary}\n\n${result.warning}`, { modal: true }, 'Save');
    if (choice !== 'Save') return undefined;
  }
  const connection: Connection = { id: existing?.id ?? connectionIdFor(state.name!, store.list().map(c => c.id)), name: state.name!, baseUrl: state.baseUrl! };
  await store.save(connection, pair);
  return { connection, check: result };
}

export function validatePublicKey(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the public key.';
  if (v.startsWith('sk-lf-')) return 'That is a secret key. The public key starts with pk-lf-.';
  if (!v.startsWith('pk-lf-')) return 'Langfuse public keys start with pk-lf-.';
  if (v.includes(':')) return 'A key containing ":" cannot be used with HTTP Basic authentication.';
  return undefined;
}

export function validateSecretKey(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Paste the secret key.';
  if (v.startsWith('pk-lf-')) return 'That is a public key. The secret key starts with sk-lf-.';
  if (!v.startsWith('sk-lf-')) return 'Langfuse secret keys start with sk-lf-.';
  if (/^sk-lf-\.\.\./.test(v)) return 'That is the masked display form (sk-lf-...abcd); Langfuse shows the full secret only once, at creation.';
  if (v.includes(':')) return 'A key containing ":" cannot be used with HTTP Basic authentication.';
  return undefined;
}
