import { randomBytes, randomUUID } from 'node:crypto';

let counter = 0;

/** A cuid-looking id (`c` + time + counter + random, 25 chars), like the ids Langfuse hands out. */
export function newCuid(): string {
  counter = (counter + 1) % 1679616;
  const time = Date.now().toString(36).padStart(8, '0').slice(-8);
  const count = counter.toString(36).padStart(4, '0');
  const random = BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36).padStart(12, '0').slice(0, 12);
  return `c${time}${count}${random}`;
}

/**
 * Langfuse generates `pk-lf-<uuid v4>` / `sk-lf-<uuid v4>` (docs/langfuse-behaviour.md §3). The sandbox marks its secrets
 * `sk-lf-demo-<uuid v4>` instead, so the test suites' canary check also catches a leaked key that
 * was created during a test (e.g. by a rotation).
 */
export function newKeyPair(): { publicKey: string; secretKey: string } {
  return { publicKey: `pk-lf-${randomUUID()}`, secretKey: `sk-lf-demo-${randomUUID()}` };
}
