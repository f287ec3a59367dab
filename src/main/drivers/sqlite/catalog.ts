/**
 * Catalog SQL for SQLite introspection: one set-based query per kind across all tables
 * (table-valued pragma functions joined to sqlite_schema), never one round trip per table.
 */

/** Tables and views with their CREATE text. */
export const TABLES_SQL = `
SELECT m.name AS name, m.type AS type, m.sql AS sql
FROM sqlite_schema m
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
ORDER BY m.name`;

/** Columns of every table and view (xinfo includes generated columns; hidden = 1 are skipped). */
export const COLUMNS_SQL = `
SELECT m.name AS tbl, p.cid AS cid, p.name AS name, p.type AS type, p."notnull" AS "notnull",
       p.dflt_value AS dflt, p.pk AS pk, p.hidden AS hidden
FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND p.hidden <> 1
ORDER BY m.name, p.cid`;

/** Foreign keys; `to` is NULL when the key references the parent's primary key implicitly. */
export const FOREIGN_KEYS_SQL = `
SELECT m.name AS tbl, p.id AS id, p.seq AS seq, p."table" AS refTable, p."from" AS col,
       p."to" AS refCol, p.on_update AS onUpdate, p.on_delete AS onDelete
FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) p
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
ORDER BY m.name, p.id, p.seq`;

/** Indexes with their key columns (cid -2 = expression, -1 = rowid). */
export const INDEXES_SQL = `
SELECT m.name AS tbl, il.name AS idx, il."unique" AS isUnique, il.origin AS origin,
       ii.seqno AS seqno, ii.cid AS cid, ii.name AS col, s.sql AS sql
FROM sqlite_schema m
JOIN pragma_index_list(m.name) il
JOIN pragma_index_xinfo(il.name) ii
LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name
WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND ii.key = 1
ORDER BY m.name, il.name, ii.seqno`;

/** Whether ANALYZE statistics exist. */
export const HAS_STAT1_SQL = `SELECT 1 AS present FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'`;

/** Row estimates: the first number of `stat` is the row count of the table (or its index). */
export const ROW_ESTIMATES_SQL = `
SELECT tbl, max(CAST(substr(stat, 1, instr(stat || ' ', ' ') - 1) AS INTEGER)) AS rows
FROM sqlite_stat1 GROUP BY tbl`;

/** Per-table variants, used when the set-based query fails (a virtual table whose module is missing). */
export const PER_TABLE = {
  columns: `SELECT ? AS tbl, p.cid AS cid, p.name AS name, p.type AS type, p."notnull" AS "notnull",
       p.dflt_value AS dflt, p.pk AS pk, p.hidden AS hidden FROM pragma_table_xinfo(?) p WHERE p.hidden <> 1 ORDER BY p.cid`,
  foreignKeys: `SELECT ? AS tbl, p.id AS id, p.seq AS seq, p."table" AS refTable, p."from" AS col, p."to" AS refCol,
       p.on_update AS onUpdate, p.on_delete AS onDelete FROM pragma_foreign_key_list(?) p ORDER BY p.id, p.seq`,
  indexes: `SELECT ? AS tbl, il.name AS idx, il."unique" AS isUnique, il.origin AS origin, ii.seqno AS seqno,
       ii.cid AS cid, ii.name AS col, s.sql AS sql FROM pragma_index_list(?) il JOIN pragma_index_xinfo(il.name) ii
       LEFT JOIN sqlite_schema s ON s.type = 'index' AND s.name = il.name WHERE ii.key = 1 ORDER BY il.name, ii.seqno`,
} as const;
