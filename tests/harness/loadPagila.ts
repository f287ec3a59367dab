/**
 * Loads Pagila (schema + data, a pg_dump script) into a fresh PostgreSQL database through `pg`
 * alone, without psql: plain SQL runs through the simple protocol, and each `COPY … FROM stdin`
 * block is turned into multi-row parameterised INSERTs (no pg-copy-streams dependency).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { createPgDatabase } from './databases';
import { evalDataset } from './evalData';

const ROWS_PER_INSERT = 500;

/** Creates a new database on `serverUrl`, loads Pagila into it and returns its URL. */
export async function loadPagila(serverUrl: string, dir = evalDataset('pagila')): Promise<string> {
  if (!dir) throw new Error('Pagila data not found (../shared/eval/pagila).');
  const url = await createPgDatabase(serverUrl, 'pagila');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await runDump(client, await readFile(join(dir, 'pagila-schema.sql'), 'utf8'));
    await runDump(client, await readFile(join(dir, 'pagila-data.sql'), 'utf8'));
  } finally {
    await client.end();
  }
  return url;
}

/** Runs a pg_dump plain-format script: SQL through the simple protocol, COPY blocks as INSERTs. */
export async function runDump(client: pg.Client, script: string): Promise<void> {
  const lines = script.split('\n');
  let sql: string[] = [];
  const flush = async (): Promise<void> => {
    const text = sql.join('\n').trim();
    sql = [];
    if (text) await client.query(text);
  };
  for (let i = 0; i < lines.length; i++) {
    const copy = /^COPY\s+(\S+)\s*\(([^)]*)\)\s+FROM\s+stdin;\s*$/i.exec(lines[i]!);
    if (!copy) {
      sql.push(lines[i]!);
      continue;
    }
    await flush();
    const rows: (string | null)[][] = [];
    for (i++; i < lines.length && lines[i] !== '\\.'; i++)
      rows.push(lines[i]!.split('\t').map(unescapeCopy));
    await insertRows(client, copy[1]!, copy[2]!, rows);
  }
  await flush();
}

async function insertRows(
  client: pg.Client,
  table: string,
  columnList: string,
  rows: (string | null)[][],
): Promise<void> {
  const width = columnList.split(',').length;
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    const tuples = chunk.map(
      (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(',')})`,
    );
    await client.query(
      `INSERT INTO ${table} (${columnList}) VALUES ${tuples.join(',')}`,
      chunk.flat(),
    );
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** One field of COPY text format: `\N` is NULL; backslash escapes per the COPY documentation. */
export function unescapeCopy(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, e: string) => {
    if (e[0] === 'x' && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return SIMPLE_ESCAPES[e] ?? e;
  });
}
