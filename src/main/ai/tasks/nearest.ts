/**
 * "Did you mean …": the real names closest to a name the model made up. Edit distance catches
 * typos (`activ` → `active`), token overlap catches reordered or partial names
 * (`customer_name` → `first_name`, `name_customer` → `customer_name`).
 */

/** Levenshtein distance (two rows; names are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Lower-case word tokens of an identifier (snake_case, camelCase, dotted). */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Similarity in [0, 1] of two names: the better of edit-distance ratio and token overlap. */
export function nameSimilarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  const edit = 1 - editDistance(x, y) / Math.max(x.length, y.length, 1);
  const ta = new Set(nameTokens(a));
  const tb = new Set(nameTokens(b));
  let shared = 0;
  for (const t of ta) if (tb.has(t) || [...tb].some((u) => u.length >= 3 && t.length >= 3 && (u.startsWith(t) || t.startsWith(u)))) shared++;
  const overlap = ta.size && tb.size ? shared / Math.max(ta.size, tb.size) : 0;
  // A shared prefix (`cust` / `customer_id`) counts a little, so abbreviations still find their table.
  const prefix = y.startsWith(x) || x.startsWith(y) ? 0.6 : 0;
  return Math.max(edit, overlap * 0.9, prefix);
}

/** The `limit` candidates most similar to `name`, best first, above `threshold`. */
export function nearestNames(name: string, candidates: Iterable<string>, limit = 3, threshold = 0.4): string[] {
  const scored: { c: string; s: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c)) continue;
    seen.add(c);
    // Qualified candidates (`table.column`) compare on their last part.
    const last = c.includes('.') ? c.slice(c.lastIndexOf('.') + 1) : c;
    const s = Math.max(nameSimilarity(name, last), c === last ? 0 : nameSimilarity(name, c) * 0.95);
    if (s >= threshold) scored.push({ c, s });
  }
  scored.sort((p, q) => q.s - p.s || p.c.length - q.c.length || p.c.localeCompare(q.c));
  return scored.slice(0, limit).map((x) => x.c);
}
