// Sink errors: a small typed hierarchy whose messages say what went wrong and what to do next.
// Messages never contain a secret: they are built from target specs and fixed words, and are run
// through the redactor as a last line of defence. The problem (a clause that stands alone) and the next
// step (a sentence) are each translated whole where they are made; only their joining is a message here. Raw causes (SDK errors, HTTP bodies) are NOT
// attached, because they can carry request bodies; only a short cause code is kept.
import { l10n } from '../l10n/l10n';
import { redactText } from '../log/redact';

export type SinkErrorCode = 'permission' | 'not-found' | 'conflict' | 'network' | 'invalid-config' | 'io';

export abstract class SinkError extends Error {
  abstract readonly code: SinkErrorCode;
  /** The next step for the user, also included at the end of `message`. */
  readonly nextStep: string;
  /** A short machine code from the underlying failure, e.g. `EACCES`, `AccessDeniedException`, `HTTP 403`. */
  readonly causeCode?: string;

  /** `problem` and `nextStep` arrive translated (`l10n.t`), names and values as their arguments. */
  constructor(readonly target: string, problem: string, nextStep: string, causeCode?: string) {
    super(redactText(l10n.t('{0}: {1}. {2}', target, problem, nextStep)));
    this.nextStep = redactText(nextStep);
    this.causeCode = causeCode;
  }
}

export class SinkPermissionError extends SinkError {
  readonly code = 'permission';
  override readonly name = 'SinkPermissionError';
}

export class SinkNotFoundError extends SinkError {
  readonly code = 'not-found';
  override readonly name = 'SinkNotFoundError';
}

/** The target changed under us (check-and-set failed, or it holds a pair nobody expected). */
export class SinkConflictError extends SinkError {
  readonly code = 'conflict';
  override readonly name = 'SinkConflictError';
}

export class SinkNetworkError extends SinkError {
  readonly code = 'network';
  override readonly name = 'SinkNetworkError';
}

export class SinkConfigError extends SinkError {
  readonly code = 'invalid-config';
  override readonly name = 'SinkConfigError';
}

/** Local I/O that is neither permission nor missing (disk full, I/O error). */
export class SinkIoError extends SinkError {
  readonly code = 'io';
  override readonly name = 'SinkIoError';
}

export function isSinkError(err: unknown): err is SinkError {
  return err instanceof SinkError;
}
