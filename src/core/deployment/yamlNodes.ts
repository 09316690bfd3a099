import type { Document, Node, Pair, YAMLMap } from '../yaml';
import { isAlias, isMap, isScalar } from '../yaml';
import type { TextRange } from '../env/position';
import { ComplianceCodes } from './complianceCodes';
import type { TextIndex } from './textIndex';
import type { DeploymentFinding } from './types';

/** Follows an alias (`*anchor`) to the node it names. */
export function deref(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

export function mapGet(doc: Document, map: unknown, key: string): { pair: Pair<unknown, unknown>; value: unknown } | undefined {
  const m = deref(doc, map);
  if (!isMap(m)) return undefined;
  for (const pair of (m as YAMLMap<unknown, unknown>).items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return { pair, value: deref(doc, pair.value) };
  }
  return undefined;
}

/** The text of a scalar as written (plain scalars keep their spelling: `1.10` stays `1.10`, `True` stays `True`). */
export function scalarText(text: string, node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (node.value === null) return undefined;
  if (node.type === 'PLAIN' && node.range) return text.slice(node.range[0], node.range[1]);
  return String(node.value);
}

/** The range of a scalar's content: inside the quotes when quoted. */
export function scalarRange(index: TextIndex, node: Node): TextRange {
  const [start, end] = node.range ?? [0, 0];
  const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
  return quoted && end - start >= 2 ? index.range(start + 1, end - 1) : index.range(start, end);
}

export function nodeStartRange(index: TextIndex, node: unknown): TextRange {
  const r = (node as Node | undefined)?.range;
  return r ? index.range(r[0], r[1]) : index.range(0, 0);
}

/** Turns YAML errors into one clear finding; the file is then not checked further. */
export function yamlProblems(file: string, doc: Document, index: TextIndex, what: string): DeploymentFinding[] {
  if (doc.errors.length === 0) return [];
  const first = doc.errors[0];
  const at = index.range(first.pos[0], Math.max(first.pos[0], first.pos[1]));
  const more = doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more YAML error${doc.errors.length > 2 ? 's' : ''})` : '';
  return [{
    file, range: at, code: 'config-unreadable', severity: ComplianceCodes['config-unreadable'].severity, fixes: [],
    message: `This ${what} is not valid YAML, so it was not checked: ${first.message.split('\n')[0]}${more}. Docker Compose and Helm refuse it too.`,
  }];
}
