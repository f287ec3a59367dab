/**
 * Fresh, uniquely named databases on the shared test servers, so test files running in parallel
 * never see each other's objects.
 */
import { randomBytes } from 'node:crypto';
import { withDatabase } from './servers';

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`.toLowerCase();
}

/** Creates a new PostgreSQL database and returns its URL. */
export async function createPgDatabase(serverUrl: string, prefix = 'qg'): Promise<string> {
  const { default: pg } = await import('pg');
  const name = uniqueName(prefix);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/** Creates a new MySQL/MariaDB database and returns its URL. */
export async function createMysqlDatabase(serverUrl: string, prefix = 'qg'): Promise<string> {
  const mysql = await import('mysql2/promise');
  const name = uniqueName(prefix);
  const c = await mysql.createConnection(serverUrl);
  try {
    await c.query(`CREATE DATABASE \`${name}\``);
  } finally {
    await c.end();
  }
  return withDatabase(serverUrl, name);
}
