/**
 * MySQL/MariaDB catalog SQL (information_schema): one set-based query per object kind, covering
 * every table of the database at once. `?` 1 is the database; table filters are appended.
 */

/** Tables and views with comments, row estimates and view definitions. */
export const TABLES_SQL = `
SELECT t.TABLE_NAME AS name, t.TABLE_TYPE AS type, t.TABLE_COMMENT AS comment, t.TABLE_ROWS AS estimate,
       v.VIEW_DEFINITION AS definition
FROM information_schema.TABLES t
LEFT JOIN information_schema.VIEWS v ON v.TABLE_SCHEMA = t.TABLE_SCHEMA AND v.TABLE_NAME = t.TABLE_NAME
WHERE t.TABLE_SCHEMA = ?`;

/** Tables and views, names and kinds only (names-first mode: no statistics opened). */
export const TABLE_NAMES_SQL = `
SELECT t.TABLE_NAME AS name, t.TABLE_TYPE AS type
FROM information_schema.TABLES t
WHERE t.TABLE_SCHEMA = ?`;

/** Columns of every table and view. */
export const COLUMNS_SQL = `
SELECT c.TABLE_NAME AS tbl, c.COLUMN_NAME AS name, c.ORDINAL_POSITION AS ordinal, c.COLUMN_TYPE AS type,
       c.DATA_TYPE AS dataType, c.IS_NULLABLE AS nullable, c.COLUMN_DEFAULT AS dflt,
       c.COLUMN_COMMENT AS comment, c.EXTRA AS extra
FROM information_schema.COLUMNS c
WHERE c.TABLE_SCHEMA = ?`;

/**
 * Foreign-key columns in key order. Joined with REFERENTIAL_CONSTRAINTS in code: MariaDB joins two
 * information_schema tables without an index, which costs seconds on thousands of tables.
 */
export const FOREIGN_KEY_COLUMNS_SQL = `
SELECT k.TABLE_NAME AS tbl, k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS col, k.ORDINAL_POSITION AS pos,
       k.REFERENCED_TABLE_SCHEMA AS refSchema, k.REFERENCED_TABLE_NAME AS refTable, k.REFERENCED_COLUMN_NAME AS refCol
FROM information_schema.KEY_COLUMN_USAGE k
WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL`;

/** Foreign-key actions. */
export const FOREIGN_KEY_RULES_SQL = `
SELECT r.TABLE_NAME AS tbl, r.CONSTRAINT_NAME AS name, r.UPDATE_RULE AS onUpdate, r.DELETE_RULE AS onDelete
FROM information_schema.REFERENTIAL_CONSTRAINTS r
WHERE r.CONSTRAINT_SCHEMA = ?`;

/** Index columns (the primary key is the index named PRIMARY). */
export const INDEXES_SQL = `
SELECT s.TABLE_NAME AS tbl, s.INDEX_NAME AS name, s.NON_UNIQUE AS nonUnique, s.SEQ_IN_INDEX AS seq,
       s.COLUMN_NAME AS col, s.SUB_PART AS subPart
FROM information_schema.STATISTICS s
WHERE s.TABLE_SCHEMA = ?`;

/** CHECK constraints on MariaDB (10.2+), which names the table in CHECK_CONSTRAINTS itself. */
export const MARIADB_CHECKS_SQL = `
SELECT cc.TABLE_NAME AS tbl, cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
FROM information_schema.CHECK_CONSTRAINTS cc
WHERE cc.CONSTRAINT_SCHEMA = ?`;

/** Which table each CHECK constraint belongs to (MySQL 8.0.16+; joined with the clauses in code). */
export const MYSQL_CHECK_TABLES_SQL = `
SELECT tc.TABLE_NAME AS tbl, tc.CONSTRAINT_NAME AS name
FROM information_schema.TABLE_CONSTRAINTS tc
WHERE tc.TABLE_SCHEMA = ? AND tc.CONSTRAINT_TYPE = 'CHECK'`;

/** CHECK clauses by name (MySQL 8.0.16+). */
export const MYSQL_CHECK_CLAUSES_SQL = `
SELECT cc.CONSTRAINT_NAME AS name, cc.CHECK_CLAUSE AS clause
FROM information_schema.CHECK_CONSTRAINTS cc
WHERE cc.CONSTRAINT_SCHEMA = ?`;

/** Functions and procedures with their parameters (position 0 is a function's return type). */
export const ROUTINES_SQL = `
SELECT r.ROUTINE_NAME AS name, r.ROUTINE_TYPE AS type, r.SPECIFIC_NAME AS specificName,
       p.ORDINAL_POSITION AS pos, p.PARAMETER_MODE AS paramMode, p.PARAMETER_NAME AS param, p.DTD_IDENTIFIER AS dtd
FROM information_schema.ROUTINES r
LEFT JOIN information_schema.PARAMETERS p
  ON p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME AND p.ROUTINE_TYPE = r.ROUTINE_TYPE
WHERE r.ROUTINE_SCHEMA = ?
ORDER BY r.ROUTINE_NAME, p.ORDINAL_POSITION`;
