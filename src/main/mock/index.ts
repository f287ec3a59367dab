/**
 * The constraint-aware mock data generator: preview sample rows, insert them in one transaction,
 * or write them as an SQL script or CSV files. See runner.ts for the flow.
 */
import type { DriverConnection } from '../drivers/types';
import { databaseSink } from './dbSink';
import { csvFolderSink, memorySink, sqlScriptSink, type PreviewTable } from './fileSinks';
import { runMock, type RunControl } from './runner';
import type { MockOptions, MockResult } from './types';

export type { ColumnOverride, Distribution, MockOptions, MockProgress, MockResult } from './types';
export type { PreviewTable } from './fileSinks';
export type { RunControl } from './runner';
export { buildPlan, type MockPlan, type PlannedTable } from './plan';
export { GENERATOR_NAMES } from './generators';

/** Generates `rows` sample rows per table without writing anything. */
export async function previewMockData(conn: DriverConnection, options: MockOptions): Promise<PreviewTable[]> {
  const snapshot = await conn.introspect();
  const out: PreviewTable[] = [];
  await runMock(conn, snapshot, options, memorySink(out));
  return out;
}

/** Inserts generated rows in one transaction; refused on a read-only connection; a cancel rolls back. */
export async function insertMockData(conn: DriverConnection, options: MockOptions, control: RunControl & { readOnly?: boolean } = {}): Promise<MockResult> {
  const snapshot = await conn.introspect();
  return runMock(conn, snapshot, options, databaseSink(conn, { readOnly: control.readOnly }), control);
}

/** Writes generated rows as one SQL INSERT script for the connection's engine. */
export async function writeMockScript(conn: DriverConnection, options: MockOptions, file: string, control: RunControl = {}): Promise<MockResult> {
  const snapshot = await conn.introspect();
  return runMock(conn, snapshot, options, sqlScriptSink(file, conn.dialect.engine), control);
}

/** Writes generated rows as one CSV file per table into `dir`. */
export async function writeMockCsv(conn: DriverConnection, options: MockOptions, dir: string, control: RunControl = {}): Promise<MockResult> {
  const snapshot = await conn.introspect();
  return runMock(conn, snapshot, options, csvFolderSink(dir), control);
}
