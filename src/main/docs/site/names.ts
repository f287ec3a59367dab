/**
 * Safe, stable file names for table pages. Table names can hold anything the engine accepts:
 * unicode, spaces, slashes, dots, `..`, names that differ only by case (which collide on macOS
 * and Windows file systems) or Windows device names. Each page gets an ASCII slug; a short hash of
 * the exact name is added whenever the slug lost information or would collide.
 */
import type { TableEntry, TableIndex } from '../../../shared/docsPage';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_SLUG = 60;

/** FNV-1a, 32 bit, as 8 hex digits: short and stable, not a security hash. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The readable ASCII part of a name (lowercase letters, digits, `_`, `-`, `.` between parts). */
export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii.slice(0, MAX_SLUG) || 'table';
}

/**
 * File base names (no extension) for every table of the index, keyed by entry (targets are
 * ambiguous when names hold dots). Unique when compared case-insensitively, so pages never
 * overwrite each other on any file system.
 */
export function pageNames(index: TableIndex): Map<TableEntry, string> {
  const raw = index.entries.map((e) => ({ entry: e, exact: `${e.schema}.${e.table.name}`, slug: `${slugify(e.schema)}.${slugify(e.table.name)}` }));
  const count = new Map<string, number>();
  for (const r of raw) count.set(r.slug, (count.get(r.slug) ?? 0) + 1);
  const out = new Map<TableEntry, string>();
  const used = new Set<string>();
  for (const r of raw) {
    // Lossless when the slug reads back as the exact name (plain lowercase identifiers).
    const lossless = r.slug === r.exact;
    let name = lossless && count.get(r.slug) === 1 && !WINDOWS_RESERVED.test(r.slug.split('.')[1] ?? '') ? r.slug : `${r.slug}-${shortHash(r.exact)}`;
    // Two different names with the same hash and slug: vanishingly rare, but never overwrite.
    for (let n = 2; used.has(name); n++) name = `${r.slug}-${shortHash(r.exact)}-${n}`;
    used.add(name);
    out.set(r.entry, name);
  }
  return out;
}
