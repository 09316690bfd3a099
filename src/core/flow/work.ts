// Long operations of the core (listing every project, asking a host about many key pairs, verifying
// a large audit log) take their caller's cancellation and report progress as plain data. The edges
// map them: VS Code's CancellationToken becomes the signal, the callback a progress notification.

export interface WorkProgress {
  /** What is being done now, for a person ("production-chatbot", "key pair 3 of 12"). */
  message?: string;
  /** Units done so far and in all, when the total is known. */
  done?: number;
  total?: number;
}

export interface Work {
  /** Once aborted, no further request is sent and the operation rejects with CancelledError. */
  signal?: AbortSignal;
  onProgress?: (progress: WorkProgress) => void;
}

/** The operation stopped because its caller cancelled it (not a failure to report). */
export class CancelledError extends Error {
  override readonly name = 'AbortError';
  constructor(message = 'Cancelled.') { super(message); }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Whether `err` ended the operation because `signal` was aborted (whatever error the abort surfaced as). */
export function isCancellation(err: unknown, signal?: AbortSignal): boolean {
  return err instanceof CancelledError || signal?.aborted === true;
}

/**
 * Counts finished units of `total` and reports each step; `message` names the unit just done.
 * Returns the function to call per finished unit.
 */
export function progressCounter(total: number, onProgress: Work['onProgress'], describe: (done: number, total: number) => string): () => void {
  let done = 0;
  onProgress?.({ done, total, message: describe(done, total) });
  return () => { done++; onProgress?.({ done, total, message: describe(done, total) }); };
}
