import type { SourceLoc } from '../model/source.js';

/** Offsets to 1-based line and column, by binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): { line: number; col: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, col: offset - this.starts[line]! + 1 };
  }

  /** A whole SourceLoc (without end) in one allocation. */
  loc(offset: number, file: string, path: string): SourceLoc {
    const line = this.lineOf(offset);
    return { file, line: line + 1, col: offset - this.starts[line]! + 1, path };
  }

  /** 0-based line of an offset. */
  private lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
