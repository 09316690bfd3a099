// "Add Connection…" as questions for any step driver: region or URL → name → public key → secret
// key. Checking the pair against the server and saving it is the edge's part.
import type { Step } from '../flow/driver';
import { shortPublicKey } from '../keys/keyDisplay';
import { baseUrlProblem, CONNECTION_REGION_OTHER, connectionNameProblem, publicKeyInputProblem, secretKeyInputProblem } from './connectionInput';

interface Region { label: string; description: string; baseUrl?: string }

export interface ConnectionState {
  baseUrl?: string;
  name?: string;
  publicKey?: string;
  secretKey?: string;
  region?: Region;
}

const TITLE = 'Add Langfuse Connection';
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
    CONNECTION_REGION_OTHER,
  ];
  const pickRegion: Step<ConnectionState> = async (input, s) => {
    s.region = await input.pick({ title: TITLE, ...numbered(s, 1), placeholder: 'Where is your Langfuse organization?', items: regionItems,
      activeItem: regionItems.find(r => r.baseUrl === s.baseUrl) });
    if (s.region.baseUrl) { s.baseUrl = s.region.baseUrl; return askName; }
    return askUrl;
  };
  const askUrl: Step<ConnectionState> = async (input, s) => {
    s.baseUrl = (await input.text({ title: TITLE, ...numbered(s, 2), prompt: 'The base URL of your Langfuse instance (without /api/public)',
      placeholder: 'https://langfuse.example.com', value: s.baseUrl && !s.region?.baseUrl ? s.baseUrl : '',
      validate: baseUrlProblem })).trim().replace(/\/+$/, '');
    return askName;
  };
  const askName: Step<ConnectionState> = async (input, s) => {
    s.name = (await input.text({ title: TITLE, ...numbered(s, 3), prompt: 'A name for this connection (a workspace access file refers to it by this name)',
      value: s.name ?? '', placeholder: 'acme-eu', validate: v => connectionNameProblem(v, otherNames()) })).trim();
    return askPublicKey;
  };
  const askPublicKey: Step<ConnectionState> = async (input, s) => {
    s.publicKey = (await input.text({ title: TITLE, ...numbered(s, 4), prompt: 'Public key (pk-lf-…) of an organization API key — or a project key for a read-only view of one project',
      value: s.publicKey ?? '', placeholder: 'pk-lf-…', validate: publicKeyInputProblem })).trim();
    return askSecretKey;
  };
  const askSecretKey: Step<ConnectionState> = async (input, s) => {
    s.secretKey = (await input.text({ title: TITLE, ...numbered(s, 5), prompt: `Secret key (sk-lf-…) for ${shortPublicKey(s.publicKey!)}. Stored only in VS Code's SecretStorage.`,
      password: true, placeholder: 'sk-lf-…', validate: secretKeyInputProblem })).trim();
  };
  return pickRegion;
}
