// Questions on the terminal: y/N answers and a pasted key pair (the secret is never echoed).
import * as readline from 'node:readline';
import { l10n } from '../../core/l10n/l10n';
import type { KeyPairInput, NewPairRequest } from '../../core/rotation/types';
import type { CliIo } from '../command';

export const NEW_PAIR_ENV = { publicKey: 'LANGFUSE_ACCESS_NEW_PUBLIC_KEY', secretKey: 'LANGFUSE_ACCESS_NEW_SECRET_KEY' } as const;

export async function ask(question: string): Promise<boolean> {
  return /^y(es)?$/i.test((await askLine(question)).trim());
}

/** Manual rotation: the pair from LANGFUSE_ACCESS_NEW_PUBLIC_KEY/SECRET_KEY, a terminal, or stdin. */
export async function askNewPair(io: CliIo, request: NewPairRequest): Promise<KeyPairInput | undefined> {
  io.err(`${request.instructions}\n`);
  const pk = io.env[NEW_PAIR_ENV.publicKey];
  const sk = io.env[NEW_PAIR_ENV.secretKey];
  if (pk || sk) return { publicKey: pk ?? '', secretKey: sk ?? '' };
  const text = process.stdin.isTTY ? `${await askLine(l10n.t('New public key (pk-lf-…): '))}\n${await askLine(l10n.t('New secret key (sk-lf-…, not shown): '), true)}` : await readAll();
  const publicKey = /pk-lf-[A-Za-z0-9_-]+/.exec(text)?.[0];
  const secretKey = /sk-lf-[A-Za-z0-9_-]+/.exec(text)?.[0];
  if (!publicKey && !secretKey) { io.err(`${l10n.t('No pair given (set {0}/{1} or pipe it on stdin).', NEW_PAIR_ENV.publicKey, NEW_PAIR_ENV.secretKey)}\n`); return undefined; }
  return { publicKey: publicKey ?? '', secretKey: secretKey ?? '' };
}

function askLine(question: string, muted = false): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (muted) {
    // Echo nothing while the secret is typed or pasted.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => { if (s.includes(question)) process.stderr.write(question); };
  }
  return new Promise(resolve => rl.question(question, answer => { rl.close(); if (muted) process.stderr.write('\n'); resolve(answer); }));
}

function readAll(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}
