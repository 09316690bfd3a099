// Plans for a session: reads the live organization with the session's client (the declared projects
// only) and the unfinished rotations from the state folder, and makes the plan. The CLI's `plan` and
// `apply`, the editor's drift diagnostics and its Plan/Apply actions all plan through here.
import type { AccessConfig } from '../access/accessSchema';
import { isFinished, type RotationJournal } from '../rotation/journal';
import type { Session } from '../session/session';
import type { RotationInProgress } from './diffContext';
import { readLiveOrganization, type LiveOrganization } from './liveState';
import { makePlan } from './makePlan';
import type { AccessPlan } from './planTypes';
import type { StoreContext } from './stores';
import { refuseUntrusted } from './trust';

export interface AccessWorkspace {
  /** A valid access file: its path, text, the folder holding `.langfuse/`, and what it says. */
  file: { path: string; text: string; rootDir: string; config: AccessConfig };
  /** What the applying edge can write. */
  stores: Pick<StoreContext, 'workspaceRoots' | 'secretStorage'>;
  /** The user's rotation policy when the file sets none. */
  defaultMaxAgeDays: number;
}

export async function readLiveFor(session: Session, ws: Pick<AccessWorkspace, 'file'>): Promise<LiveOrganization> {
  refuseUntrusted(session, 'plan');
  return readLiveOrganization(session.client, { projects: Object.keys(ws.file.config.projects ?? {}), now: () => session.host.port.clock.now() });
}

/** The plan from a live state already read (the editor re-plans while typing without a request). */
export function planFromLive(session: Session, ws: AccessWorkspace, live: LiveOrganization): AccessPlan {
  refuseUntrusted(session, 'plan');
  return makePlan({
    file: ws.file, live,
    connection: { id: session.connection.id, baseUrl: session.connection.baseUrl },
    actingAs: session.host.port.actor().email,
    now: session.host.port.clock.now(),
    defaultMaxAgeDays: ws.defaultMaxAgeDays,
    rotationsInProgress: rotationsInProgress(session),
    stores: ws.stores,
  });
}

export async function planAccess(session: Session, ws: AccessWorkspace): Promise<AccessPlan> {
  return planFromLive(session, ws, await readLiveFor(session, ws));
}

/** Unfinished rotations on this connection's host (both tools'), as the diff needs them. */
export function rotationsInProgress(session: Session): RotationInProgress[] {
  return session.host.rotations().journals
    .filter((j: RotationJournal) => !isFinished(j) && j.connection.baseUrl === session.connection.baseUrl)
    .map(j => ({
      id: j.id, project: j.project.name,
      publicKeys: [j.oldKey?.publicKey, j.newKey?.publicKey].filter((k): k is string => !!k),
      creates: j.oldKey ? undefined : j.newKeyNote,
    }));
}
