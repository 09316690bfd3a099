// Starts the real moto_server (from the machine image's Python) on a free loopback port.
// There is no fallback: if moto is missing the start FAILS with a message saying so, because a
// skipped AWS test would look like a passed one.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'undici';
import { freePort } from './freePort';

export interface MotoServer {
  readonly endpoint: string;
  readonly port: number;
  /** Wipes every secret (POST /moto-api/reset): call between tests. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export interface MotoOptions {
  /** Extra environment for the server, e.g. `{ INITIAL_NO_AUTH_ACTION_COUNT: '0' }` to enforce IAM auth. */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

/** The environment every AWS SDK call in tests runs with: fake credentials, no metadata probing. */
export const FAKE_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
} as const;

export function assertMotoInstalled(): void {
  const probe = spawnSync('python3', ['-c', 'import moto, flask; print(moto.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      'moto_server is not available (python3 -c "import moto, flask" failed). The AWS Secrets Manager tests need the '
      + `machine image's Python with moto 5 installed; they must not be skipped. ${probe.stderr?.trim() ?? probe.error?.message ?? ''}`,
    );
  }
}

export async function startMoto(options: MotoOptions = {}): Promise<MotoServer> {
  assertMotoInstalled();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000); });
  let exited = false;
  child.once('exit', () => { exited = true; });

  const deadline = Date.now() + (options.startTimeoutMs ?? 15000);
  for (;;) {
    if (exited) throw new Error(`moto_server exited during start-up: ${stderr}`);
    try {
      const res = await request(`${endpoint}/moto-api/`, { method: 'GET' });
      await res.body.dump();
      if (res.statusCode === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`moto_server did not answer on ${endpoint} within ${options.startTimeoutMs ?? 15000} ms: ${stderr}`);
    }
    await new Promise(r => setTimeout(r, 50));
  }

  return {
    endpoint,
    port,
    async reset() {
      const res = await request(`${endpoint}/moto-api/reset`, { method: 'POST' });
      await res.body.dump();
      if (res.statusCode !== 200) throw new Error(`moto reset answered ${res.statusCode}`);
    },
    stop() {
      return new Promise<void>(resolve => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 2000).unref();
      });
    },
  };
}
