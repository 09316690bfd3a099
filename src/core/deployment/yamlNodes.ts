import type { Document, Node, Pair, YAMLMap } from '../yaml';
import { isAlias, isMap, isScalar } from '../yaml';
import type { TextRange } from '../env/position';
import { ComplianceCodes } from './complianceCodes';
import type { TextIndex } from './textIndex';
import type { DeploymentFinding } from './types';
import { l10n } from '../l10n/l10n';

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
export function yamlProblems(file: string, doc: Document, index: TextIndex, kind: 'compose' | 'helm'): DeploymentFinding[] {
  if (doc.errors.length === 0) return [];
  const first = doc.errors[0];
  const at = index.range(first.pos[0], Math.max(first.pos[0], first.pos[1]));
  return [{
    file, range: at, code: 'config-unreadable', severity: ComplianceCodes['config-unreadable'].severity, fixes: [],
    message: invalidYamlMessage(kind, first.message.split('\n')[0], doc.errors.length - 1),
  }];
}

/** One sentence per kind of file and count of further errors (`error` is the YAML parser's own text). */
function invalidYamlMessage(kind: 'compose' | 'helm', error: string, more: number): string {
  if (kind === 'compose') {
    return more === 0 ? l10n.t('This compose file is not valid YAML, so it was not checked: {0}. Docker Compose and Helm refuse it too.', error)
      : more === 1 ? l10n.t('This compose file is not valid YAML, so it was not checked: {0} (and 1 more YAML error). Docker Compose and Helm refuse it too.', error)
        : l10n.t('This compose file is not valid YAML, so it was not checked: {0} (and {1} more YAML errors). Docker Compose and Helm refuse it too.', error, more);
  }
  return more === 0 ? l10n.t('This Helm values file is not valid YAML, so it was not checked: {0}. Docker Compose and Helm refuse it too.', error)
    : more === 1 ? l10n.t('This Helm values file is not valid YAML, so it was not checked: {0} (and 1 more YAML error). Docker Compose and Helm refuse it too.', error)
      : l10n.t('This Helm values file is not valid YAML, so it was not checked: {0} (and {1} more YAML errors). Docker Compose and Helm refuse it too.', error, more);
}
