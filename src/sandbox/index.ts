// The Langfuse-compatible sandbox: a real HTTP server on 127.0.0.1 serving one organization (a
// "world") with Langfuse v4.16.0's access-management routes, statuses, bodies and quirks, and the
// tracing routes of the major version the world declares.
// Plain Node: no vscode, no undici. Used in-process by tests and by `langfuse-access sandbox`.
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../core/clock';
import type { SandboxCredentials } from '../core/connections/connection';
import { writeFileAtomicSync } from '../core/state/atomicWrite';
import { FaultPlan, type FaultRule } from './faults';
import { createSandboxServer, resetStats, type ServerStats } from './http/server';
import { Store } from './store';
import { loadWorld, validateWorld, WorldError, type WorldInput } from './world/loadWorld';
import type { Plan, World } from './world/schema';

export { FaultRule, FaultRules } from './faults';
export { BUILT_IN_WORLDS, loadWorld, parseWorld, validateWorld, WorldError, type WorldInput } from './world/loadWorld';
export { World, Role, Plan } from './world/schema';
export { Store } from './store';
export { buildLargeWorld, LARGE_WORLD_SIZE, type LargeWorldSize } from './worlds/large';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** `acme` (default), `recorded`, `large` (200 projects), a path to a world file, or a world built in code. */
  world?: string | WorldInput;
  /** Overrides the world's plan: team (Cloud Team), enterprise (self-hosted EE), oss. */
  plan?: Plan;
  /**
   * Overrides the world's `serverVersion` (e.g. "3.112.0"); the sandbox behaves like that major version
   * (see world/schema.ts).
   */
  serverVersion?: string;
  /** Persist the state here after every change; an existing file is loaded instead of the world. */
  stateFile?: string;
  faults?: FaultRule[];
  /** Where the sandbox's "now" comes from (default: the system clock). Timestamps it writes and the
   *  dates of a world with `asOf` follow it; `langfuse-access sandbox --now` sets it. */
  clock?: Clock;
}

export interface SandboxHandle {
  url: string;
  port: number;
  /** The world's name (`acme`, `recorded`, `large`, the file path, or `custom`). */
  world: string;
  store: Store;
  /** The sandbox's clock: tests compute expected dates from it. */
  clock: Clock;
  /** Key pairs in the --credentials-out shape: the first organization key and one key per project. */
  readonly credentials: SandboxCredentials;
  setFaults(rules: FaultRule[]): void;
  addFaults(rules: FaultRule[]): void;
  clearFaults(): void;
  /** Requests served, the most in flight at once and the round trips (control routes excluded). */
  stats: ServerStats;
  resetStats(): void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const worldName = typeof options.world === 'string' ? options.world : options.world ? 'custom' : 'acme';
  const world = resolveWorld(options);
  if (options.serverVersion !== undefined && !/^\d+\.\d+\.\d+$/.test(options.serverVersion)) {
    throw new WorldError(`The server version "${options.serverVersion}" is not a version like 4.16.0 or 3.112.0.`);
  }
  const store = new Store(world, options.plan, options.clock, options.serverVersion);
  if (options.stateFile) {
    const file = options.stateFile;
    store.onChange = () => writeFileAtomicSync(file, `${JSON.stringify(store.toWorld(), null, 2)}\n`, { mode: 0o600 });
    store.onChange();
  }
  const faults = new FaultPlan();
  faults.set(options.faults ?? []);
  const stats: ServerStats = { requests: 0, inFlight: 0, peakInFlight: 0, roundTrips: 0, lastRoundTripEnd: 0 };
  const server = createSandboxServer(store, faults, stats);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    world: worldName,
    store,
    clock: store.clock,
    get credentials() { return credentialsOf(store, url); },
    setFaults: rules => faults.set(rules),
    addFaults: rules => faults.add(rules),
    clearFaults: () => faults.set([]),
    stats,
    resetStats: () => resetStats(stats),
    close: () => new Promise<void>(resolve => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function resolveWorld(options: SandboxOptions): World {
  if (options.stateFile && fs.existsSync(options.stateFile)) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(options.stateFile, 'utf8'));
    } catch (err) {
      throw new WorldError(`The state file ${options.stateFile} is not valid JSON (${(err as Error).message}). Move it away to start from the world again.`);
    }
    return validateWorld(raw, options.stateFile);
  }
  if (options.world && typeof options.world === 'object') return validateWorld(options.world, 'the world passed to startSandbox');
  return loadWorld(options.world ?? 'acme');
}

/** The --credentials-out shape (read by "Connect to local sandbox" and `npm start`). */
export function credentialsOf(store: Store, baseUrl: string): SandboxCredentials {
  const keys = [...store.apiKeys.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const org = keys.find(k => k.scope === 'ORGANIZATION');
  if (!org) throw new WorldError('The world has no organization API key; add one with scope ORGANIZATION.');
  const projects: SandboxCredentials['projects'] = {};
  for (const p of store.liveProjects()) {
    const key = keys.find(k => k.scope === 'PROJECT' && k.projectId === p.id);
    if (key) projects[p.name] = { publicKey: key.publicKey, secretKey: key.secretKey, projectId: p.id };
  }
  return { baseUrl, organization: { publicKey: org.publicKey, secretKey: org.secretKey }, projects };
}
