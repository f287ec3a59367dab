/** Position helpers shared by the drivers' error mapping. */
import type { ErrorPosition } from '../../../shared/errors';

/** 1-based line/column of a 0-based character offset in `text` (offset clamped to the text). */
export function positionAt(text: string, offset: number): ErrorPosition {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1, offset: at };
}

/** 0-based offset of a 1-based line/column in `text`. */
export function offsetOf(text: string, line: number, column: number): number {
  let l = 1;
  let i = 0;
  while (l < line && i < text.length) {
    if (text.charCodeAt(i) === 10) l++;
    i++;
  }
  return Math.min(text.length, i + Math.max(0, column - 1));
}
