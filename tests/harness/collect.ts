/** A RowSink that keeps everything, for tests: result sets with their columns and rows. */
import type { ColumnMeta } from '../../src/shared/query';
import type { Row } from '../../src/shared/values';
import type {
  DriverConnection,
  ExecuteOptions,
  RowSink,
  StatementSummary,
} from '../../src/main/drivers/types';

/** One collected result set. */
export interface CollectedSet {
  columns: ColumnMeta[];
  rows: Row[];
  /** Sizes of the batches the driver delivered. */
  batches: number[];
}

/** A sink that records result sets in memory. */
export class CollectingSink implements RowSink {
  readonly sets: CollectedSet[] = [];
  beginResultSet(columns: ColumnMeta[]): void {
    this.sets.push({ columns, rows: [], batches: [] });
  }
  rows(batch: Row[]): void {
    const set = this.sets[this.sets.length - 1]!;
    for (const r of batch) set.rows.push(r);
    set.batches.push(batch.length);
  }
  endResultSet(): void {}
}

/** Runs one statement and returns the collected sets and the summary. */
export async function run(
  conn: DriverConnection,
  sql: string,
  options?: ExecuteOptions,
): Promise<{ sets: CollectedSet[]; summary: StatementSummary }> {
  const sink = new CollectingSink();
  const summary = await conn.execute(sql, sink, options);
  return { sets: sink.sets, summary };
}

/** The rows of the first result set. */
export async function rowsOf(
  conn: DriverConnection,
  sql: string,
  options?: ExecuteOptions,
): Promise<Row[]> {
  const { sets } = await run(conn, sql, options);
  return sets[0]?.rows ?? [];
}

/** Settles a promise into its error (or throws when it resolved). */
export async function errorOf(
  p: Promise<unknown>,
): Promise<{ code: string; message: string; detail?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string; message: string; detail?: Record<string, unknown> };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * A sink that calls `onBatch` after each batch it takes (e.g. to throw or cancel) and waits
 * `delayMs` per batch, like a slow consumer.
 */
export class ScriptedSink extends CollectingSink {
  constructor(
    private readonly onBatch: (batchIndex: number) => void | Promise<void>,
    private readonly delayMs = 0,
  ) {
    super();
  }
  private count = 0;
  override async rows(batch: Row[]): Promise<void> {
    super.rows(batch);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    await this.onBatch(this.count++);
  }
  /** Rows taken so far over all result sets. */
  get rowCount(): number {
    return this.sets.reduce((n, s) => n + s.rows.length, 0);
  }
}
