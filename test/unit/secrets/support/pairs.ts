import type { KeyPair } from '../../../../src/core/secrets/types';

/** The production-chatbot demo pair (the "old" key in a rotation). */
export const OLD_PAIR: KeyPair = {
  publicKey: 'pk-lf-b1000000-0000-4000-8000-000000000001',
  secretKey: 'sk-lf-demo-b1000000-0000-4000-8000-000000000001',
  baseUrl: 'http://127.0.0.1:3000',
};

/** A canary "new" pair: must never appear in any error message or log. */
export const NEW_PAIR: KeyPair = {
  publicKey: 'pk-lf-b1000000-0000-4000-8000-0000000000a2',
  secretKey: 'sk-lf-canary-b1000000-0000-4000-8000-0000000000a2',
  baseUrl: 'https://langfuse.acme.example',
};

export function canaryPair(n: number): KeyPair {
  const id = String(n).padStart(12, '0');
  return { publicKey: `pk-lf-c0000000-0000-4000-8000-${id}`, secretKey: `sk-lf-canary-c0000000-0000-4000-8000-${id}` };
}

/** Asserts an error's message and next step hold no secret value at all (not even a demo one). */
export function assertNoSecretIn(text: string): void {
  if (/sk-lf-(demo|canary)-[0-9a-f]/.test(text)) throw new Error(`secret leaked into: ${text}`);
}
