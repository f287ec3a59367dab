/**
 * Turns what a user typed into a safe FTS5 MATCH expression. User text is never passed to
 * MATCH as-is: quotes, `*`, `-`, `NEAR`, `AND`/`OR` and column filters would be read as query
 * syntax and either throw or match something else.
 */

/**
 * Every word of `input` becomes a quoted prefix term (`"word"*`), all of them required.
 * Returns null when the input has no searchable word (then callers skip the text filter).
 */
export function toFtsMatch(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}_]+/gu);
  if (!words || words.length === 0) return null;
  // Quoted terms cannot carry syntax; the words hold no `"` (the regex excludes it) so no escaping is left to do.
  return words
    .slice(0, 32)
    .map((w) => `"${w}"*`)
    .join(' ');
}
