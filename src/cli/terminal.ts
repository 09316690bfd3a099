// Reading answers from the terminal for `rotate`: yes/no questions, a line (muted for secrets) and
// everything piped on stdin. Prompts go to stderr, so stdout stays machine output.
import * as readline from 'node:readline';

export async function ask(question: string): Promise<boolean> {
  return /^y(es)?$/i.test((await askLine(question)).trim());
}

export function askLine(question: string, muted = false): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (muted) {
    // Echo nothing while the secret is typed or pasted.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => { if (s.includes(question)) process.stderr.write(question); };
  }
  return new Promise(resolve => rl.question(question, answer => { rl.close(); if (muted) process.stderr.write('\n'); resolve(answer); }));
}

export function readAll(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.once('error', reject);
  });
}
