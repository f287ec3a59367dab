/**
 * PostgreSQL catalog SQL for introspection: one set-based query per object kind, covering every
 * table at once. Parameters: $1 = schema names (text[] or NULL for all user schemas),
 * $2 = qualified `schema.table` names (text[] or NULL for all).
 */

const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY($1::text[]))`;

const REL_FILTER = `($2::text[] IS NULL OR (n.nspname || '.' || c.relname) = ANY($2::text[]))`;

/** Objects that belong to an extension (e.g. its functions) are not the user's schema. */
const NOT_EXTENSION_MEMBER = (classTable: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = '${classTable}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/** User schemas. */
export const SCHEMAS_SQL = `
SELECT n.nspname AS name
FROM pg_catalog.pg_namespace n
WHERE ${USER_SCHEMA}
ORDER BY 1`;

/** Tables, views, materialized views and foreign tables with comments and row estimates. */
export const RELATIONS_SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       d.description AS comment,
       CASE WHEN c.relkind IN ('r', 'p', 'm', 'f') THEN c.reltuples::float8 END AS estimate,
       CASE WHEN c.relkind IN ('v', 'm') AND $3::bool THEN pg_catalog.pg_get_viewdef(c.oid, true) END AS definition
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA} AND ${REL_FILTER}
ORDER BY 1, 2`;

/** Columns of every relation, with display types, defaults, comments and identity flags. */
export const COLUMNS_SQL = `
SELECT c.oid::int8 AS relid, n.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum AS ordinal,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
       NOT a.attnotnull AS nullable,
       dflt.expr AS "default",
       d.description AS comment,
       (a.attidentity <> '' OR COALESCE(dflt.expr, '') LIKE 'nextval(%') AS auto,
       NULLIF(a.attgenerated::text, '') AS generated
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN LATERAL (SELECT pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expr) dflt ON ad.adbin IS NOT NULL
-- A join, not col_description() per column: one pass over pg_description for 20,000 columns.
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA} AND ${REL_FILTER}
ORDER BY n.nspname, c.relname, a.attnum`;
/**
 * Key columns come as attribute numbers (mapped to names from the columns query in JS): the
 * per-constraint name subqueries cost more than the rest of the catalog read on big schemas.
 * When the read is filtered, a referenced table may not be loaded, so names are resolved here.
 */
const FILTERED = `($1::text[] IS NOT NULL OR $2::text[] IS NOT NULL)`;
export const CONSTRAINTS_SQL = `
SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS type,
       con.conrelid::int8 AS relid, con.conkey::int[] AS column_nums,
       CASE WHEN ${FILTERED} THEN
         ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, i)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
               ORDER BY k.i)::text[] END AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table,
       con.confrelid::int8 AS ref_relid, con.confkey::int[] AS ref_column_nums,
       CASE WHEN ${FILTERED} THEN
         ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, i)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
               ORDER BY k.i)::text[] END AS ref_columns,
       con.confupdtype AS on_update, con.confdeltype AS on_delete,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_constraintdef(con.oid, true) END AS definition
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'f', 'u', 'c') AND ${USER_SCHEMA} AND ${REL_FILTER}
ORDER BY 1, 2, 3`;
export const INDEXES_SQL = `
SELECT n.nspname AS schema, c.relname AS table, ic.relname AS name,
       i.indisunique AS unique, i.indisprimary AS primary,
       i.indrelid::int8 AS relid, (i.indkey::int2[])[0:i.indnkeyatts - 1]::int[] AS column_nums,
       -- Expression indexes (attnum 0) need the server to print their expressions.
       CASE WHEN ${FILTERED} OR 0 = ANY(i.indkey::int2[]) THEN
         ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid, k, true)
               FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[] END AS columns
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE ${USER_SCHEMA} AND ${REL_FILTER}
ORDER BY 1, 2, 3`;

/** Enum types and their labels in declaration order. */
export const ENUMS_SQL = `
SELECT n.nspname AS schema, t.typname AS name,
       ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS values
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e' AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
ORDER BY 1, 2`;

/** Functions and procedures (not those an extension installed) with their signatures. */
export const ROUTINES_SQL = `
SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
       '(' || pg_catalog.pg_get_function_arguments(p.oid) || ')' ||
       CASE WHEN p.prokind = 'p' THEN '' ELSE ' returns ' || COALESCE(pg_catalog.pg_get_function_result(p.oid), 'void') END AS signature
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
WHERE ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
ORDER BY 1, 2, 4`;
