/** Text rules shared by the results grid's copy-as and the file exports (both sides of the app). */

/** A JSON (and SQL) number literal: what a Decimal's text must look like to be written bare. */
const NUMBER_LITERAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** True when `text` can be written as a bare JSON/SQL number without changing its value. */
export function isNumberLiteral(text: string): boolean {
  return NUMBER_LITERAL.test(text);
}

/**
 * Column names made unique for formats keyed by name (JSON objects): a repeated name gets `_2`,
 * `_3`, … so `SELECT a.id, b.id` keeps both values.
 */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; seen.has(candidate); n++) candidate = `${name}_${n}`;
    seen.add(candidate);
    return candidate;
  });
}
