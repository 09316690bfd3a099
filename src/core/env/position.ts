/** Zero-based positions in UTF-16 code units, the same convention as VS Code's Position/Range. */
export interface TextPosition {
  line: number;
  character: number;
}

export interface TextRange {
  start: TextPosition;
  end: TextPosition;
}

export function textRange(startLine: number, startCharacter: number, endLine: number, endCharacter: number): TextRange {
  return { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
}
