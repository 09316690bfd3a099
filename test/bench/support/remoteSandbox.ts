// The sandbox as its own process (`langfuse-access sandbox --world NAME`), as the other suites run it:
// its work does not share the measured client's event loop, so a benchmark's latency is the
// injected one and not the sandbox's JSON work queued behind the client's (and vice versa). Faults
// and counters go through /__sandbox/*.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SandboxCredentials } from '../../../src/core/connections/connection';

export interface RemoteSandbox {
  url: string;
  credentials: SandboxCredentials;
  setFaults(rules: unknown[]): Promise<void>;
  stats(): Promise<{ requests: number; peakInFlight: number; roundTrips: number }>;
  resetStats(): Promise<void>;
  close(): Promise<void>;
}

/** Starts `langfuse-access sandbox --world <world>` in a child process and waits for its URL. */
export async function startRemoteSandbox(world: string): Promise<RemoteSandbox & { startupMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lfa-bench-'));
  const credsFile = path.join(dir, 'credentials.json');
  const root = path.join(__dirname, '../../..');
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), 'sandbox', '--world', world, '--credentials-out', credsFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout?.on('data', d => { stdout += d; });
  while (!/\n/.test(stdout)) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with ${child.exitCode}`);
    await new Promise(r => setTimeout(r, 10));
  }
  const startupMs = performance.now() - t0;
  const url = stdout.split('\n')[0];
  const credentials = SandboxCredentials.parse(JSON.parse(fs.readFileSync(credsFile, 'utf8')));
  const control = async (route: string, method = 'GET', body?: unknown) => {
    const res = await fetch(`${url}/__sandbox/${route}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`/__sandbox/${route} answered ${res.status}`);
    return res.json() as Promise<Record<string, number>>;
  };
  return {
    url, credentials, startupMs,
    setFaults: async rules => { await control('faults', 'PUT', rules); },
    stats: async () => { const s = await control('stats'); return { requests: s.requests, peakInFlight: s.peakInFlight, roundTrips: s.roundTrips }; },
    resetStats: async () => { await control('stats', 'DELETE'); },
    close: async () => {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
