// The Langfuse variables an SDK reads (docs/langfuse-behaviour.md §7), also under framework prefixes such as
// NEXT_PUBLIC_, VITE_, REACT_APP_, NUXT_PUBLIC_, EXPO_PUBLIC_ or PUBLIC_.

export type LangfuseVariableKind = 'publicKey' | 'secretKey' | 'baseUrl' | 'baseUrlLegacy' | 'host';

const SUFFIXES: ReadonlyArray<[string, LangfuseVariableKind]> = [
  ['LANGFUSE_PUBLIC_KEY', 'publicKey'],
  ['LANGFUSE_SECRET_KEY', 'secretKey'],
  ['LANGFUSE_BASE_URL', 'baseUrl'],
  ['LANGFUSE_BASEURL', 'baseUrlLegacy'],
  ['LANGFUSE_HOST', 'host'],
];

export interface LangfuseVariable {
  kind: LangfuseVariableKind;
  /** `NEXT_PUBLIC_` for `NEXT_PUBLIC_LANGFUSE_PUBLIC_KEY`, '' for the plain name. */
  prefix: string;
}

/** Recognises `LANGFUSE_PUBLIC_KEY` and `<PREFIX>_LANGFUSE_PUBLIC_KEY` (prefix of upper-case words). */
export function langfuseVariable(name: string): LangfuseVariable | undefined {
  // Called for every variable of a file while typing: reject by the last letter (Y, L, T) first.
  const last = name.charCodeAt(name.length - 1);
  if ((last !== 89 && last !== 76 && last !== 84) || name.indexOf('LANGFUSE_') < 0) return undefined;
  for (const [suffix, kind] of SUFFIXES) {
    if (!name.endsWith(suffix)) continue;
    const prefix = name.slice(0, name.length - suffix.length);
    if (prefix === '' || /^[A-Z][A-Z0-9]*_(?:[A-Z0-9]+_)*$/.test(prefix)) return { kind, prefix };
  }
  return undefined;
}

export function variableName(prefix: string, kind: LangfuseVariableKind): string {
  const suffix = SUFFIXES.find(([, k]) => k === kind);
  return `${prefix}${suffix ? suffix[0] : ''}`;
}
