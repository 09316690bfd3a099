import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditWriter } from '../../../src/core/audit/auditWriter';
import type { AuditEvent } from '../../../src/core/audit/entry';

export function tmpDir(prefix = 'lfa-audit-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const PROJECTS = ['production-chatbot', 'staging-chatbot', 'analytics-readonly'];
const ACTORS = ['engineering-lead@acme.com', 'senior-dev@acme.com', 'data-lead@acme.com'];

export function demoEvent(i: number): AuditEvent {
  return {
    action: ['apiKey.create', 'projectMembership.set', 'member.add'][i % 3],
    resource: { kind: 'apiKey', id: `key-${i}`, project: PROJECTS[i % 3], organization: 'org-acme' },
    outcome: 'success',
    details: { role: 'MEMBER', note: `change ${i}` },
    actor: { identity: ACTORS[i % 3] },
  };
}

/** A state folder with `count` entries and a signed checkpoint after every `every`-th. */
export function writeDemoLog(count: number, every = 5, stateDir = tmpDir(), start = new Date('2026-11-01T09:00:00.000Z')): AuditWriter {
  let tick = 0;
  const writer = new AuditWriter({
    stateDir, actor: { identity: 'engineering-lead@acme.com', tool: 'test' }, checkpointEvery: every,
    now: () => new Date(start.getTime() + (tick++) * 60_000),
  });
  for (let i = 0; i < count; i++) writer.append(demoEvent(i));
  return writer;
}

export function readLines(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

export function writeLines(file: string, lines: string[]): void {
  fs.writeFileSync(file, lines.map(l => `${l}\n`).join(''));
}
