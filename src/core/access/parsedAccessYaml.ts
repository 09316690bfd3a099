// The access file's YAML document, parsed once per text: loading the file and placing a plan's
// changes on their lines need the same parse, and a large organization's file (4,700 lines for 200
// projects) takes ~150 ms to parse (test/bench/plan.bench.ts). One entry: the last text. Callers must
// not change the document.
import { LineCounter, parseDocument } from '../yaml';

let last: { text: string; parsed: ParsedAccessYaml } | undefined;

export interface ParsedAccessYaml { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter }

export function parseAccessYaml(text: string): ParsedAccessYaml {
  if (last?.text === text) return last.parsed;
  const lineCounter = new LineCounter();
  const parsed = { doc: parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false }), lineCounter };
  last = { text, parsed };
  return parsed;
}
