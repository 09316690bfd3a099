import { closeAllHostGates, createLangfuseClient, type LangfuseClientOptions } from '../../../src/core/langfuse';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src/sandbox';

/** Fast retries so fault tests take milliseconds, not seconds. */
export const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 };

export interface Env {
  sandbox: SandboxHandle;
  org: ReturnType<typeof createLangfuseClient>;
  project: (name: string) => ReturnType<typeof createLangfuseClient>;
  client: (keys: { publicKey: string; secretKey: string }, extra?: Partial<LangfuseClientOptions>) => ReturnType<typeof createLangfuseClient>;
}

/** A fresh sandbox per test and clients for its keys; the caller closes it with `closeEnv`. */
export async function openEnv(options: SandboxOptions = {}, extra: Partial<LangfuseClientOptions> = {}): Promise<Env> {
  const sandbox = await startSandbox(options);
  const client = (keys: { publicKey: string; secretKey: string }, more: Partial<LangfuseClientOptions> = {}) =>
    createLangfuseClient({ baseUrl: sandbox.url, publicKey: keys.publicKey, secretKey: keys.secretKey, retry: FAST_RETRY, ...extra, ...more });
  const creds = sandbox.credentials;
  return {
    sandbox,
    org: client(creds.organization),
    project: name => client(creds.projects[name]),
    client,
  };
}

export async function closeEnv(env: Env | undefined): Promise<void> {
  await env?.sandbox.close();
  await closeAllHostGates();
}

/** Runs `fn` and returns what it threw; fails if it did not throw. */
export async function thrown(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Every demo/canary secret must stay out of messages, hints and serialised errors. */
export function assertNoSecret(text: string): void {
  if (/sk-lf-(demo|canary)-/.test(text)) throw new Error(`a secret leaked into: ${text}`);
}
