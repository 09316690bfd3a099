import type { LangfuseError } from '../../core/langfuse/errors';
import { loadChunk } from '../lazy';

/**
 * The client's errors are classes of the lazily-loaded chunk, so `instanceof` against a class bundled
 * into the extension would never match: ask the chunk itself (it is loaded once any client exists).
 */
export function asLangfuseError(err: unknown): LangfuseError | undefined {
  if (!(err instanceof Error) || typeof (err as { kind?: unknown }).kind !== 'string') return undefined;
  return loadChunk('core').isLangfuseError(err) ? err as LangfuseError : undefined;
}
