// The `yaml` functions this project uses, re-exported by name, so the shared chunk carries one
// tree-shaken copy (see src/core/zod.ts for why every module imports through here).
export { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parse, parseDocument, YAMLSeq } from 'yaml';
export type { Node, Pair, YAMLMap } from 'yaml';
