// Child process for the concurrency part.
//   member <stateDir> <baseUrl> <actorEmail> <targetUserId> <startAtEpochMs> <locked 0|1>
//     Demotes the target OWNER to MEMBER. locked=1: the state-folder lock plus a re-read of the live
//     memberships before deciding (the pattern of src/core/state/lock.ts). locked=0: read first,
//     write later (what happens without it). Prints {"result":"changed"|"refused","reason"?}.
//   ignore <accessFile> <stateDir> <worker> <count> <locked 0|1>
//     Records `count` ignore entries; locked=1 with recordIgnoreEntry, locked=0 read/add/write.
// Credentials come from LANGFUSE_ACCESS_PUBLIC_KEY / LANGFUSE_ACCESS_SECRET_KEY.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { recordIgnoreEntry } from '../../../src/core/access/recordIgnoreEntry';
import { addIgnoreEntry } from '../../../src/core/access/ignoreWriter';
import { decide, type OrgAccessState } from '../../../src/core/guards/accessGuards';
import { closeAllHostGates, createLangfuseClient } from '../../../src/core/langfuse/index';
import { writeFileAtomicSync } from '../../../src/core/state/atomicWrite';
import { withLock } from '../../../src/core/state/lock';

const sleepUntil = (t: number) => new Promise(r => setTimeout(r, Math.max(0, t - Date.now())));

async function member(args: string[]): Promise<unknown> {
  const [stateDir, baseUrl, actor, target, startAt, locked] = args;
  const client = createLangfuseClient({ baseUrl, publicKey: process.env.LANGFUSE_ACCESS_PUBLIC_KEY!, secretKey: process.env.LANGFUSE_ACCESS_SECRET_KEY!, timeoutMs: 5000 });
  const stateOf = async (): Promise<OrgAccessState> => ({ members: (await client.organizationMemberships.list()).map(m => ({ ...m })), projectRoles: new Map() });
  const act = async (state: OrgAccessState) => {
    const decision = decide({ kind: 'org.changeRole', userId: target, to: 'MEMBER' }, actor, state);
    if (!decision.allowed) return { result: 'refused', reason: decision.reason };
    await client.organizationMemberships.upsert(target, 'MEMBER');
    return { result: 'changed' };
  };
  try {
    if (locked === '1') {
      await sleepUntil(Number(startAt));
      fs.mkdirSync(path.join(stateDir, 'locks'), { recursive: true });
      return await withLock(path.join(stateDir, 'locks', 'org-acme.lock'), { tool: `worker ${actor}`, purpose: 'membership change', waitMs: 10_000 }, async () => act(await stateOf()));
    }
    const stale = await stateOf();
    await sleepUntil(Number(startAt));
    return await act(stale);
  } finally {
    await closeAllHostGates();
  }
}

async function ignore(args: string[]): Promise<unknown> {
  const [accessFile, stateDir, worker, count, locked] = args;
  for (let i = 0; i < Number(count); i++) {
    const entry = { file: `svc-${worker}/.env.${i}`, rule: 'shared-key', reason: `worker ${worker} entry ${i}` };
    if (locked === '1') await recordIgnoreEntry(accessFile, entry, { stateDir, tool: `worker ${worker}` });
    else writeFileAtomicSync(accessFile, addIgnoreEntry(fs.readFileSync(accessFile, "utf8"), entry));
  }
  return { result: 'done' };
}

const [mode, ...rest] = process.argv.slice(2);
(mode === 'member' ? member(rest) : ignore(rest)).then(
  r => { process.stdout.write(`${JSON.stringify(r)}\n`); process.exit(0); },
  err => { process.stdout.write(`${JSON.stringify({ result: 'error', reason: String(err?.message ?? err) })}\n`); process.exit(1); },
);
