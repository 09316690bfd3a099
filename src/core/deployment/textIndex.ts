import type { TextPosition, TextRange } from '../env/position';

/** Maps string offsets (UTF-16, as `yaml` reports them) to zero-based line/character positions. */
export class TextIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): TextPosition {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  range(start: number, end: number): TextRange {
    return { start: this.position(start), end: this.position(end) };
  }

  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const end = this.lineStarts[line + 1] ?? this.text.length + 1;
    return this.text.slice(start, end - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
