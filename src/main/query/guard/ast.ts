/** Walking the parsers' JSON ASTs (node-sql-parser and libpg-query alike). */

/** An AST node: a plain JSON object. */
export type AstObject = Record<string, unknown>;

/** True for a plain object (not null, not a list). */
export function isObj(value: unknown): value is AstObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value when it is a list, else an empty list (absent optional lists). */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The first non-null answer of `visit` over `items`, in order; null when every item gives null. */
export function firstHit<T>(
  items: readonly unknown[],
  visit: (item: unknown) => T | null,
): T | null {
  for (const item of items) {
    const hit = visit(item);
    if (hit) return hit;
  }
  return null;
}
