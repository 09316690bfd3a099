// Where a YAML path of the access file sits (1-based line and column), so every change and note of a
// plan can name its line: the CLI's `file:line`, SARIF regions, the editor's diagnostics.
import { locate } from '../access/accessFile';
import { parseAccessYaml } from '../access/parsedAccessYaml';
import type { PlanLocation } from './planTypes';

export type Locator = (path: readonly PropertyKey[]) => PlanLocation | undefined;

export function locator(text: string): Locator {
  const { doc, lineCounter } = parseAccessYaml(text);
  return path => {
    if (path.length === 0) return undefined;
    const node = locate(doc.contents, path, false);
    if (!node?.range) return undefined;
    const pos = lineCounter.linePos(node.range[0]);
    return { path: path.map(p => (typeof p === 'number' ? p : String(p))), line: pos.line, column: pos.col };
  };
}
