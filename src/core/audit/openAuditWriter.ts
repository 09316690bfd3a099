import type { AuditWriterOptions } from './auditWriter';
import { AuditWriter } from './auditWriter';

/** Entries between two automatic signed checkpoints. */
export const DEFAULT_CHECKPOINT_EVERY = 100;

/**
 * The writer the extension and the CLI use: the chained log plus a signed checkpoint every
 * `DEFAULT_CHECKPOINT_EVERY` entries (call `checkpointIfDue()` when a session ends to sign the rest).
 */
export function openAuditWriter(options: AuditWriterOptions): AuditWriter {
  return new AuditWriter({ checkpointEvery: DEFAULT_CHECKPOINT_EVERY, ...options });
}
