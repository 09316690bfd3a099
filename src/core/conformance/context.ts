// What every conformance check works with: the session (guards, audit, one client per host), the
// run's journal, where its files go, and how to stop. Plus the small helpers the checks share.
import type { Capabilities } from '../langfuse/capabilities';
import { isLangfuseError, UnauthorizedError } from '../langfuse/errors';
import type { ActionOutcome, Session } from '../session';
import type { ConformanceJournal } from './journal';
import { cancelledMessage, refusedMessage, type Attempt } from './attempts';

export interface SuiteOptions {
  /** `--project NAME`: work in this existing project instead of a throwaway one. */
  existingProject?: string;
  /** `--allow-existing-keys`: also revoke keys of earlier runs (note prefix) found in that project. */
  allowExistingKeys: boolean;
}

export interface SuiteContext {
  session: Session;
  journal: ConformanceJournal;
  runId: string;
  /** A private folder of this run (the rotation's .env target, the lint files); removed at the end. */
  workDir: string;
  options: SuiteOptions;
  now(): Date;
  /** Aborted on Ctrl-C: no further check starts, the cleanup still runs. */
  signal: AbortSignal;
  /** Tests: named points where a run can be killed (LANGFUSE_ACCESS_TEST_HOOK=crash:<name>). */
  checkpoint(name: string): void;
  /** Filled by the first checks. */
  capabilities?: Capabilities;
  project?: { id: string; name: string };
  /** The member the member checks added (userId), for the project-role checks. */
  member?: { userId: string; email: string };
}

/** Thrown by a check that cannot run here; `plans` names where the missing entitlement exists. */
export class SkipCheck extends Error {
  constructor(message: string, readonly plans?: string) { super(message); }
}

/** A check's step failed in a way worth one clear line. */
export class CheckFailure extends Error {}

/** The session's outcome must be "done"; a refusal or cancellation is a failure with the guard's reason. */
export function done(outcome: ActionOutcome, attempt: Attempt): Extract<ActionOutcome, { status: 'done' }> {
  if (outcome.status === 'done') return outcome;
  throw new CheckFailure(outcome.status === 'refused' && !outcome.decision.allowed ? refusedMessage(attempt, outcome.decision.reason) : cancelledMessage(attempt));
}

/** who-am-I with a project key pair: 200 (the project id) or 401, over the session's client pool. */
export async function pairAnswer(ctx: SuiteContext, pair: { publicKey: string; secretKey: string }): Promise<{ status: 200; projectId: string } | { status: 401 }> {
  const client = ctx.session.host.clients.client(ctx.session.connection.baseUrl, pair);
  try {
    return { status: 200, projectId: (await client.whoAmI()).id };
  } catch (err) {
    if (err instanceof UnauthorizedError) return { status: 401 };
    throw err;
  }
}

export function messageOf(err: unknown): string {
  return isLangfuseError(err) || err instanceof Error ? err.message : String(err);
}
