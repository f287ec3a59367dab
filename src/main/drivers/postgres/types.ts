/**
 * Result value mapping for PostgreSQL (text format): the conventions of `shared/values.ts`.
 * Only the few types that need a conversion get a parser; everything else (dates, times,
 * timestamps with their zones, intervals, JSON, UUIDs, arrays, unknown types) stays the
 * server's own text, which costs nothing per cell.
 */
import pg from 'pg';
import { Decimal } from '../../../shared/values';

type Parser = (text: string) => unknown;

const identity: Parser = (text) => text;
const toBigInt: Parser = (text) => BigInt(text);
const toDecimal: Parser = (text) => new Decimal(text);

/** Built-in type OIDs that need a parser other than "keep the text". */
const PARSERS = new Map<number, Parser>([
  [16, pg.types.getTypeParser(16, 'text') as Parser], // bool
  [17, pg.types.getTypeParser(17, 'text') as Parser], // bytea → Buffer
  [20, toBigInt], // int8
  [21, pg.types.getTypeParser(21, 'text') as Parser], // int2
  [23, pg.types.getTypeParser(23, 'text') as Parser], // int4
  [26, pg.types.getTypeParser(26, 'text') as Parser], // oid
  [700, pg.types.getTypeParser(700, 'text') as Parser], // float4
  [701, pg.types.getTypeParser(701, 'text') as Parser], // float8
  [1700, toDecimal], // numeric
]);

/** The type parsers for user result sets, in the shape `pg` and `pg-cursor` accept as `types`. */
export const resultTypes = {
  getTypeParser(oid: number, format?: string): Parser {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary') as Parser;
    return PARSERS.get(oid) ?? identity;
  },
};

/** SQL that lists type OIDs and display names (arrays as `elem[]`), excluding table row types. */
export const TYPE_NAMES_SQL = `
SELECT t.oid::int AS oid,
       CASE WHEN t.typelem <> 0 AND t.typlen = -1 AND e.oid IS NOT NULL THEN e.typname || '[]' ELSE t.typname END AS name
FROM pg_catalog.pg_type t
LEFT JOIN pg_catalog.pg_type e ON e.oid = t.typelem
WHERE t.typrelid = 0`;
