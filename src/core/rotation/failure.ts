// What a failed rotation command tells the user, whichever edge runs it: a configuration problem the
// user must fix first (nothing was started), or a failed step whose progress is saved (resumable).
import { ConnectionConfigError } from '../connections/cliConfig';
import { isLangfuseError } from '../langfuse/errors';
import { isSinkError } from '../secrets/errors';
import { RotationBusyError, RotationError, RotationInputError } from './errors';

export interface RotationFailure {
  kind: 'configuration' | 'failed';
  /** The message, with Langfuse's hint when it gave one. Never a secret (errors carry none). */
  message: string;
  /** A step failed after the journal was written: list, resume or abort it. */
  resumable: boolean;
}

/** The failure an error stands for, or undefined for an error no rotation step raises (a bug: rethrow it). */
export function rotationFailure(err: unknown): RotationFailure | undefined {
  if (err instanceof ConnectionConfigError || err instanceof RotationInputError || (isSinkError(err) && err.code === 'invalid-config')) {
    return { kind: 'configuration', message: (err as Error).message, resumable: false };
  }
  if (err instanceof RotationError || isSinkError(err) || isLangfuseError(err)) {
    const hint = isLangfuseError(err) && err.hint ? ` ${err.hint}` : '';
    return { kind: 'failed', message: `${(err as Error).message}${hint}`, resumable: !(err instanceof RotationBusyError) };
  }
  return undefined;
}
