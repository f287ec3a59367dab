/**
 * Fixtures of the ER diagram end-to-end test and benchmark: a generated SQLite schema of N tables
 * in business-like clusters (each table has 3–9 columns and 0–3 foreign keys to earlier tables,
 * mostly in its own cluster), and the demo database's tables and foreign keys as SQLite reports them.
 */
import { createRandom } from '../../src/main/demo/generateDemo';
import Database from 'better-sqlite3';

/** Deterministic pseudo-random numbers (the demo's mulberry32), so every run draws the same schema. */
const random = createRandom;

const AREAS = ['sales', 'billing', 'stock', 'crm', 'hr', 'audit', 'ship', 'web', 'fin', 'ops'];
const NOUNS = [
  'order',
  'invoice',
  'item',
  'account',
  'contact',
  'event',
  'note',
  'batch',
  'entry',
  'rule',
  'plan',
  'task',
];
const TYPES = ['TEXT', 'INTEGER', 'REAL', 'NUMERIC(10,2)', 'VARCHAR(80)', 'TIMESTAMP', 'BOOLEAN'];

/** Writes a schema of `tables` tables into a new SQLite file; returns the foreign-key count. */
export function writeBigSchema(
  file: string,
  tables: number,
  seed = 42,
): { tables: number; foreignKeys: number } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const db = new Database(file);
  const names: string[] = [];
  let foreignKeys = 0;
  const perArea = Math.ceil(tables / AREAS.length);
  db.exec('BEGIN');
  for (let i = 0; i < tables; i++) {
    const area = AREAS[Math.floor(i / perArea)]!;
    const name = `${area}_${pick(NOUNS)}_${i}`;
    const cols = ['id INTEGER PRIMARY KEY'];
    const n = 3 + Math.floor(rnd() * 7);
    for (let c = 0; c < n; c++)
      cols.push(`${pick(NOUNS)}_${c} ${pick(TYPES)}${rnd() < 0.5 ? ' NOT NULL' : ''}`);
    const fks = names.length === 0 ? 0 : Math.floor(rnd() * 4);
    const used = new Set<string>();
    for (let f = 0; f < fks; f++) {
      // Mostly a table of the same area (recent ones), sometimes anywhere before.
      const local = rnd() < 0.8;
      const lo = local
        ? Math.max(0, names.length - 1 - Math.floor(rnd() * Math.min(names.length, perArea)))
        : Math.floor(rnd() * names.length);
      const ref = names[lo]!;
      if (used.has(ref)) continue;
      used.add(ref);
      cols.push(`${ref}_id INTEGER${rnd() < 0.3 ? '' : ' NOT NULL'} REFERENCES ${ref}(id)`);
      foreignKeys++;
    }
    db.exec(`CREATE TABLE ${name} (\n  ${cols.join(',\n  ')}\n)`);
    names.push(name);
  }
  db.exec('COMMIT');
  db.close();
  return { tables, foreignKeys };
}

/** Tables and foreign keys (child → parent) of a SQLite file, read with SQLite's own pragmas, and its views' SQL. */
export function readSqliteGraph(file: string): {
  tables: string[];
  links: { from: string; to: string }[];
  viewSql: string;
} {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((r) => r.name);
    const links: { from: string; to: string }[] = [];
    for (const t of tables) {
      for (const fk of db
        .prepare(`SELECT DISTINCT "table" AS ref FROM pragma_foreign_key_list(?)`)
        .all(t) as { ref: string }[])
        links.push({ from: t, to: fk.ref });
    }
    const viewSql = (
      db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'view'`).all() as { sql: string }[]
    )
      .map((r) => r.sql)
      .join('\n');
    return { tables, links, viewSql };
  } finally {
    db.close();
  }
}

/** Tables within one foreign-key step of `table`, in either direction, including itself. */
export function oneHop(links: readonly { from: string; to: string }[], table: string): string[] {
  const out = new Set([table]);
  for (const l of links) {
    if (l.from === table) out.add(l.to);
    if (l.to === table) out.add(l.from);
  }
  return [...out].sort();
}
