// "Add Connection…" as questions for any step driver: region or URL → name → public key → secret
// key. Checking the pair against the server and saving it is the edge's part.
import type { Step } from '../flow/driver';
import { shortPublicKey } from '../keys/keyDisplay';
import { l10n } from '../l10n/l10n';
import { baseUrlProblem, connectionRegionOther, connectionNameProblem, publicKeyInputProblem, secretKeyInputProblem } from './connectionInput';

interface Region { label: string; description: string; baseUrl?: string }

export interface ConnectionState {
  baseUrl?: string;
  name?: string;
  publicKey?: string;
  secretKey?: string;
  region?: Region;
}

/**
 * Step numbers as the user walks them: a listed region skips the URL step, so the steps after it count
 * 2/4, 3/4, 4/4 — never "1/5 then 3/5".
 */
const numbered = (s: ConnectionState, step: number) => s.region?.baseUrl && step > 1
  ? { step: step - 1, totalSteps: 4 } : { step, totalSteps: s.region && !s.region.baseUrl ? 5 : step === 1 ? 4 : 5 };

/** The first step; `otherNames` are the names already taken (a connection being edited keeps its own). */
export function connectionSteps(regions: readonly { label: string; baseUrl: string }[], otherNames: () => string[]): Step<ConnectionState> {
  const regionItems: Region[] = [
    ...regions.map(r => ({ label: r.label, description: new URL(r.baseUrl).host, baseUrl: r.baseUrl })),
    connectionRegionOther(),
  ];
  const TITLE = l10n.t('Add Langfuse Connection');
  const pickRegion: Step<ConnectionState> = async (input, s) => {
    s.region = await input.pick({ title: TITLE, ...numbered(s, 1), placeholder: l10n.t('Where is your Langfuse organization?'), items: regionItems,
      activeItem: regionItems.find(r => r.baseUrl === s.baseUrl) });
    if (s.region.baseUrl) { s.baseUrl = s.region.baseUrl; return askName; }
    return askUrl;
  };
  const askUrl: Step<ConnectionState> = async (input, s) => {
    s.baseUrl = (await input.text({ title: TITLE, ...numbered(s, 2), prompt: l10n.t('The base URL of your Langfuse instance (without /api/public)'),
      placeholder: 'https://langfuse.example.com', value: s.baseUrl && !s.region?.baseUrl ? s.baseUrl : '',
      validate: baseUrlProblem })).trim().replace(/\/+$/, '');
    return askName;
  };
  const askName: Step<ConnectionState> = async (input, s) => {
    s.name = (await input.text({ title: TITLE, ...numbered(s, 3), prompt: l10n.t('A name for this connection (a workspace access file refers to it by this name)'),
      value: s.name ?? '', placeholder: 'acme-eu', validate: v => connectionNameProblem(v, otherNames()) })).trim();
    return askPublicKey;
  };
  const askPublicKey: Step<ConnectionState> = async (input, s) => {
    s.publicKey = (await input.text({ title: TITLE, ...numbered(s, 4), prompt: l10n.t('Public key (pk-lf-…) of an organization API key — or a project key for a read-only view of one project'),
      value: s.publicKey ?? '', placeholder: 'pk-lf-…', validate: publicKeyInputProblem })).trim();
    return askSecretKey;
  };
  const askSecretKey: Step<ConnectionState> = async (input, s) => {
    s.secretKey = (await input.text({ title: TITLE, ...numbered(s, 5), prompt: l10n.t('Secret key (sk-lf-…) for {0}. Stored only in VS Code\'s SecretStorage.', shortPublicKey(s.publicKey!)),
      password: true, placeholder: 'sk-lf-…', validate: secretKeyInputProblem })).trim();
  };
  return pickRegion;
}
