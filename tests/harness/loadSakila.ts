/**
 * Loads MySQL's Sakila sample (schema + data) into a fresh MySQL/MariaDB database. The scripts
 * use `DELIMITER` for triggers and routines, so they are split with dbgate-query-splitter (the
 * splitter the app itself uses) and run one statement at a time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { mysqlSplitterOptions, splitQuery } from 'dbgate-query-splitter';
import { createMysqlDatabase } from './databases';
import { evalDataset } from './evalData';

/** Creates a new database on `serverUrl`, loads Sakila into it and returns its URL. */
export async function loadSakila(
  serverUrl: string,
  dir = evalDataset('sakila-mysql'),
): Promise<string> {
  if (!dir) throw new Error('Sakila data not found (../shared/eval/sakila-mysql).');
  const url = await createMysqlDatabase(serverUrl, 'sakila');
  const database = new URL(url).pathname.slice(1);
  // The data script carries a PNG as raw bytes inside a string literal: read and send the text as
  // latin1 so every byte reaches the server unchanged (the rest of the scripts is ASCII).
  const conn = await mysql.createConnection({ uri: url, charset: 'LATIN1_SWEDISH_CI' });
  try {
    for (const file of ['sakila-schema.sql', 'sakila-data.sql']) {
      // The scripts name their database `sakila`; point them at ours.
      const script = (await readFile(join(dir, file), 'latin1')).replace(
        /\bsakila(?=[;.])/g,
        database,
      );
      for (const stmt of splitQuery(script, mysqlSplitterOptions)) {
        const text = (typeof stmt === 'string' ? stmt : (stmt as { text: string }).text).trim();
        if (text) await conn.query(text);
      }
    }
  } finally {
    await conn.end();
  }
  return url;
}
