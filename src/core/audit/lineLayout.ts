// The byte layout of an audit line, in one place for the writer (chain.ts) and both verifiers
// (verify.ts, the worker source in parallelVerify.ts). The writer puts `prev` and `hash` last, so a
// verifier finds them at fixed distances from the end of a line without parsing JSON:
//   {"v":1,"seq":N,…,"prev":"<64 hex>","hash":"<64 hex>"}
export const HASH_HEX_LENGTH = 64;
export const LINE_PREFIX = '{"v":1,"seq":';
export const HASH_FIELD = ',"hash":"';
/** From the end of a line: the hash (`<64 hex>"}`) starts here. */
export const HASH_FROM_END = HASH_HEX_LENGTH + 2;
/** `,"hash":"` starts here; the hashed body is the line before it, closed with `}`. */
export const HASH_FIELD_FROM_END = HASH_FROM_END + HASH_FIELD.length;
/** The previous entry's hash ends here (its closing quote) … */
export const PREV_END_FROM_END = HASH_FIELD_FROM_END + 1;
/** … and starts here. */
export const PREV_FROM_END = PREV_END_FROM_END + HASH_HEX_LENGTH;
/** `"prev":"` starts here. */
export const PREV_FIELD_FROM_END = PREV_FROM_END + '"prev":"'.length;
/** The shortest possible line: the prefix, a one-digit seq and its comma, then `"prev":…}`. */
export const MIN_LINE_LENGTH = LINE_PREFIX.length + 2 + PREV_FIELD_FROM_END;
