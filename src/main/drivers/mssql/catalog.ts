/**
 * Catalog SQL for SQL Server introspection through the sys.* views: one set-based query per kind
 * for the whole database (never one round trip per table). Comments are the `MS_Description`
 * extended properties that SSMS and most tools write.
 */

const USER_OBJECT = `o.is_ms_shipped = 0`;

/** User schemas (database-role schemas and sys/INFORMATION_SCHEMA/guest left out). */
export const SCHEMAS_SQL = `
SELECT s.name AS schemaName
FROM sys.schemas s
WHERE s.schema_id < 16384 AND s.name NOT IN ('sys', 'INFORMATION_SCHEMA', 'guest')
ORDER BY s.name`;

/** Tables and views with comment, row estimate (partition row counts) and view definition. */
export const TABLES_SQL = `
SELECT s.name AS schemaName, o.name AS name, RTRIM(o.type) AS type,
       CAST(ep.value AS nvarchar(4000)) AS comment,
       pr.rowEstimate AS rowEstimate,
       CASE WHEN o.type = 'V' THEN OBJECT_DEFINITION(o.object_id) END AS definition
FROM sys.objects o
JOIN sys.schemas s ON s.schema_id = o.schema_id
LEFT JOIN sys.extended_properties ep
  ON ep.class = 1 AND ep.major_id = o.object_id AND ep.minor_id = 0 AND ep.name = 'MS_Description'
LEFT JOIN (
  SELECT p.object_id, SUM(p.rows) AS rowEstimate FROM sys.partitions p WHERE p.index_id IN (0, 1) GROUP BY p.object_id
) pr ON pr.object_id = o.object_id AND o.type = 'U'
WHERE o.type IN ('U', 'V') AND ${USER_OBJECT}
ORDER BY s.name, o.name`;

/** Columns of every table and view, with type facets, default, identity and comment. */
export const COLUMNS_SQL = `
SELECT s.name AS schemaName, o.name AS tableName, c.column_id AS ordinal, c.name AS name,
       t.name AS typeName, c.max_length AS maxLength, c.precision AS precision, c.scale AS scale,
       c.is_nullable AS nullable, c.is_identity AS isIdentity, dc.definition AS defaultDef,
       cc.definition AS computedDef, cc.is_persisted AS computedPersisted, CAST(ep.value AS nvarchar(4000)) AS comment
FROM sys.columns c
JOIN sys.objects o ON o.object_id = c.object_id
JOIN sys.schemas s ON s.schema_id = o.schema_id
JOIN sys.types t ON t.user_type_id = c.user_type_id
LEFT JOIN sys.default_constraints dc ON dc.object_id = c.default_object_id
LEFT JOIN sys.computed_columns cc ON cc.object_id = c.object_id AND cc.column_id = c.column_id
LEFT JOIN sys.extended_properties ep
  ON ep.class = 1 AND ep.major_id = c.object_id AND ep.minor_id = c.column_id AND ep.name = 'MS_Description'
WHERE o.type IN ('U', 'V') AND ${USER_OBJECT}
ORDER BY s.name, o.name, c.column_id`;

/** Index key columns, including primary keys and unique constraints. */
export const INDEXES_SQL = `
SELECT s.name AS schemaName, o.name AS tableName, i.name AS indexName, i.is_unique AS isUnique,
       i.is_primary_key AS isPrimary, i.is_unique_constraint AS isUniqueConstraint,
       ic.key_ordinal AS keyOrdinal, col.name AS columnName
FROM sys.indexes i
JOIN sys.objects o ON o.object_id = i.object_id
JOIN sys.schemas s ON s.schema_id = o.schema_id
JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id AND ic.key_ordinal > 0
JOIN sys.columns col ON col.object_id = ic.object_id AND col.column_id = ic.column_id
WHERE o.type IN ('U', 'V') AND ${USER_OBJECT} AND i.index_id > 0 AND i.is_hypothetical = 0
ORDER BY s.name, o.name, i.name, ic.key_ordinal`;

/** Foreign key column pairs in key order. */
export const FOREIGN_KEYS_SQL = `
SELECT s.name AS schemaName, o.name AS tableName, fk.name AS name, fkc.constraint_column_id AS seq,
       pc.name AS columnName, rs.name AS refSchema, ro.name AS refTable, rc.name AS refColumn,
       fk.delete_referential_action_desc AS onDelete, fk.update_referential_action_desc AS onUpdate
FROM sys.foreign_keys fk
JOIN sys.objects o ON o.object_id = fk.parent_object_id
JOIN sys.schemas s ON s.schema_id = o.schema_id
JOIN sys.objects ro ON ro.object_id = fk.referenced_object_id
JOIN sys.schemas rs ON rs.schema_id = ro.schema_id
JOIN sys.foreign_key_columns fkc ON fkc.constraint_object_id = fk.object_id
JOIN sys.columns pc ON pc.object_id = fkc.parent_object_id AND pc.column_id = fkc.parent_column_id
JOIN sys.columns rc ON rc.object_id = fkc.referenced_object_id AND rc.column_id = fkc.referenced_column_id
WHERE ${USER_OBJECT}
ORDER BY s.name, o.name, fk.name, fkc.constraint_column_id`;

/** CHECK constraints; a table-level one has no column (`columnName` NULL). */
export const CHECKS_SQL = `
SELECT s.name AS schemaName, o.name AS tableName, ck.name AS name, ck.definition AS definition,
       col.name AS columnName
FROM sys.check_constraints ck
JOIN sys.objects o ON o.object_id = ck.parent_object_id
JOIN sys.schemas s ON s.schema_id = o.schema_id
LEFT JOIN sys.columns col ON col.object_id = ck.parent_object_id AND col.column_id = ck.parent_column_id
WHERE ${USER_OBJECT}
ORDER BY s.name, o.name, ck.name`;

/** Procedures and functions with their parameter lists (FOR XML PATH works on every version). */
export const ROUTINES_SQL = `
SELECT s.name AS schemaName, o.name AS name, RTRIM(o.type) AS type,
       STUFF((SELECT ', ' + p.name + ' ' + TYPE_NAME(p.user_type_id) + CASE WHEN p.is_output = 1 THEN ' OUTPUT' ELSE '' END
              FROM sys.parameters p WHERE p.object_id = o.object_id AND p.parameter_id > 0
              ORDER BY p.parameter_id FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 2, '') AS params,
       (SELECT TYPE_NAME(p.user_type_id) FROM sys.parameters p WHERE p.object_id = o.object_id AND p.parameter_id = 0) AS returns
FROM sys.objects o
JOIN sys.schemas s ON s.schema_id = o.schema_id
WHERE o.type IN ('P', 'FN', 'IF', 'TF') AND ${USER_OBJECT}
ORDER BY s.name, o.name`;
