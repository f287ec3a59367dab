/**
 * The SQLite host: a child process that owns one better-sqlite3 connection. It is a process, not
 * a worker thread, because better-sqlite3 has no interrupt and `Worker.terminate()` cannot stop
 * a statement that is busy inside `sqlite3_step` (an aggregate, a sort, a recursive CTE): the
 * thread keeps running and even `process.exit()` then hangs. Killing a process always works and
 * releases its file locks at once.
 *
 * Rows stream to the main process in batches with credit-based flow control: at most
 * MAX_IN_FLIGHT unacknowledged batches, so the host never runs far ahead of the sink.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Row } from '../../../shared/values';
import { mapSqliteError } from './errors';
import { nullBindings } from './explain';
import { introspectDatabase } from './introspect';
import { encodeChunk } from '../../query/spool/chunkCodec';
import { encodeFrame, encodeRowsFrameHeader, type HostOptions, type HostRequest, type PlanRow, type SerialisedHostEvent } from './protocol';

const MAX_IN_FLIGHT = 4;
/** A partly filled batch is sent after this long, so slow queries show their first rows early. */
const FLUSH_AFTER_MS = 50;

// fd 3 is the frame pipe set up by the parent (see host.ts).
const out = new net.Socket({ fd: 3, readable: false, writable: true });
let draining: Promise<void> | null = null;

function write(data: Buffer): void {
  if (!out.write(data) && !draining) {
    draining = new Promise((resolve) => out.once('drain', () => ((draining = null), resolve())));
  }
}

function send(event: SerialisedHostEvent): void {
  write(encodeFrame(event));
}

let inFlight = 0;
let creditWaiter: (() => void) | null = null;

function onAck(): void {
  inFlight--;
  if (creditWaiter && inFlight < MAX_IN_FLIGHT) {
    const w = creditWaiter;
    creditWaiter = null;
    w();
  }
}

/**
 * Sends a batch encoded here, off the main process, in the spool's own chunk format: main hands
 * the bytes to the spool as they are, instead of deserialising rows only to re-encode them.
 */
async function sendRows(id: number, rows: Row[], columnCount: number): Promise<void> {
  inFlight++;
  // Integers are read exactly as bigint; the encoder stores those within ±(2^53−1) as numbers.
  const chunk = encodeChunk(rows, columnCount, { safeBigintsAsNumbers: true });
  write(encodeRowsFrameHeader(id, chunk));
  write(chunk);
  if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (creditWaiter = r));
  if (draining) await draining;
}

/*
 * INTEGER values are read with safeIntegers (as bigint, never through a float) and become
 * numbers when they fit in ±(2^53−1) — decided per value (SQLite columns are dynamically typed),
 * while encoding (see sendRows); only values outside that range stay bigint.
 */

async function execute(db: BetterSqlite3.Database, req: Extract<HostRequest, { type: 'execute' }>): Promise<void> {
  const stmt = db.prepare(req.sql);
  const args = req.params === undefined ? [] : Array.isArray(req.params) ? req.params : [req.params];
  if (!stmt.reader) {
    const info = stmt.run(...args);
    send({ type: 'done', id: req.id, rowsAffected: info.changes, inTransaction: db.inTransaction });
    return;
  }
  stmt.raw(true).safeIntegers(true);
  const columns = stmt.columns().map((c) => ({ name: c.name, type: c.type ?? '' }));
  send({ type: 'columns', id: req.id, columns });
  let batch: Row[] = [];
  let started = performance.now();
  for (const row of stmt.iterate(...args) as IterableIterator<unknown[]>) {
    batch.push(row as Row);
    if (batch.length >= req.batchSize || ((batch.length & 63) === 0 && performance.now() - started > FLUSH_AFTER_MS)) {
      await sendRows(req.id, batch, columns.length);
      batch = [];
      started = performance.now();
    }
  }
  if (batch.length) await sendRows(req.id, batch, columns.length);
  send({ type: 'done', id: req.id, rowsAffected: null, inTransaction: db.inTransaction });
}

async function handle(db: BetterSqlite3.Database, req: HostRequest, database: string): Promise<void> {
  if (req.type === 'close') {
    db.close();
    out.end(() => process.exit(0));
    return;
  }
  if (req.type === 'ack') return onAck();
  const sql = req.type === 'introspect' ? undefined : req.sql;
  try {
    if (req.type === 'execute') await execute(db, req);
    else if (req.type === 'introspect') {
      send({ type: 'introspected', id: req.id, snapshot: introspectDatabase(db, req.database || database, req.options) });
    } else if (req.type === 'explain') {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${req.sql}`).all(...nullBindings(req.sql)) as PlanRow[];
      send({ type: 'plan', id: req.id, rows: rows.map((r) => ({ id: r.id, parent: r.parent, detail: r.detail })) });
    }
  } catch (err) {
    send({ type: 'error', id: req.id, error: mapSqliteError(err, sql).toData(), inTransaction: db.inTransaction });
  }
}

function main(): void {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostOptions;
  const require = createRequire(import.meta.url);
  let db: BetterSqlite3.Database;
  try {
    if (options.readOnly && options.file !== ':memory:' && !fs.existsSync(options.file)) {
      throw new AppError('NOT_FOUND', `The SQLite file ${options.file} does not exist. Check the path; a read-only connection never creates a file.`);
    }
    const Database = require('better-sqlite3') as typeof BetterSqlite3;
    db = new Database(options.file, options.readOnly ? { readonly: true, fileMustExist: true } : {});
    // Belt and braces: query_only also refuses writes to attached or temp databases.
    if (options.readOnly) db.pragma('query_only = ON');
    const version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    send({ type: 'ready', version });
  } catch (err) {
    send({ type: 'openError', error: mapSqliteError(err).toData() });
    out.end(() => process.exit(0));
    return;
  }
  // Requests are handled one at a time, except acks, which must arrive while rows stream.
  let chain = Promise.resolve();
  const database = options.file;
  process.on('message', (req: HostRequest) => {
    if (req.type === 'ack') return onAck();
    chain = chain.then(() => handle(db, req, database));
  });
  process.on('disconnect', () => process.exit(0));
}

main();
