/**
 * Typed facts read from a normalised plan node. The drivers keep each engine's own keys in
 * `PlanNode.detail` (PostgreSQL "Sort Method", MySQL `using_filesort`, SQLite `text`, SQL
 * Server `predicate`…); this is the one place that knows those names, so the advisor and the
 * plan view work on one vocabulary for all four engines.
 */
import type { PlanNode } from '../query';

/** PostgreSQL BUFFERS counters and I/O timings (blocks of 8 kB, times in ms). */
export interface PlanBuffers {
  sharedHit: number;
  sharedRead: number;
  sharedDirtied: number;
  sharedWritten: number;
  tempRead: number;
  tempWritten: number;
  ioReadMs?: number;
  ioWriteMs?: number;
}

/** What the advisor and the plan view need from a node, whatever the engine. */
export interface PlanFacts {
  /** Reads every row of its relation (PG Seq Scan, MySQL ALL, SQLite SCAN, SQL Server Table/Clustered Index Scan). */
  fullScan: boolean;
  /** Uses an index to find rows. */
  indexAccess: boolean;
  indexName?: string;
  /** The residual filter applied to rows read (text as the engine prints it). */
  filter?: string;
  /** The join condition when the node is a join (or the index condition of an inner lookup). */
  joinCondition?: string;
  /** Nested Loop, Hash, Merge… */
  joinType?: 'nested loop' | 'hash' | 'merge' | 'block nested loop';
  /** How many times the node ran (PG "Actual Loops", MariaDB r_loops, SQL Server executions). */
  loops?: number;
  startupCost?: number;
  /** Rows the filter threw away (per loop), when measured. */
  rowsRemovedByFilter?: number;
  /** Share of rows kept by the filter, 0..1: measured when available, else estimated. */
  selectivity?: number;
  /** The sort or hash wrote to disk (PG external merge / hash batches > 1, SQL Server spill warning). */
  spill?: boolean;
  sortMethod?: string;
  hashBatches?: number;
  /** MySQL/MariaDB sorted without an index (filesort) / used a temporary table; SQLite temp B-tree. */
  usingFilesort?: boolean;
  usingTemporary?: boolean;
  buffers?: PlanBuffers;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

function joinTypeOf(op: string): PlanFacts['joinType'] {
  const o = op.toLowerCase();
  if (o.includes('block nested loop') || o.includes('block-nested-loop')) return 'block nested loop';
  if (o.includes('nested loop')) return 'nested loop';
  if (o.includes('hash join') || o === 'hash match') return 'hash';
  if (o.includes('merge join')) return 'merge';
  return undefined;
}

function buffersOf(d: Record<string, unknown>): PlanBuffers | undefined {
  if (num(d['Shared Hit Blocks']) === undefined && num(d['Shared Read Blocks']) === undefined) return undefined;
  const b: PlanBuffers = {
    sharedHit: num(d['Shared Hit Blocks']) ?? 0,
    sharedRead: num(d['Shared Read Blocks']) ?? 0,
    sharedDirtied: num(d['Shared Dirtied Blocks']) ?? 0,
    sharedWritten: num(d['Shared Written Blocks']) ?? 0,
    tempRead: num(d['Temp Read Blocks']) ?? 0,
    tempWritten: num(d['Temp Written Blocks']) ?? 0,
  };
  const read = num(d['I/O Read Time']) ?? num(d['Shared I/O Read Time']);
  const write = num(d['I/O Write Time']) ?? num(d['Shared I/O Write Time']);
  if (read !== undefined) b.ioReadMs = read;
  if (write !== undefined) b.ioWriteMs = write;
  return b;
}

/** The facts of one node. */
export function factsOf(node: PlanNode): PlanFacts {
  const d = node.detail ?? {};
  const op = node.op;
  const text = str(d.text) ?? '';
  const accessType = str(d.access_type);
  const f: PlanFacts = {
    fullScan:
      /^(Seq Scan|Parallel Seq Scan|Table Scan|Clustered Index Scan)$/i.test(op) ||
      accessType === 'ALL' ||
      (op === 'SCAN' && !/USING (COVERING )?INDEX|PRIMARY KEY/i.test(text)) ||
      /^Table scan on /i.test(op),
    indexAccess:
      /Index|Bitmap Heap Scan/i.test(op) || (op === 'SEARCH') || /USING (COVERING )?INDEX/i.test(text) || (accessType !== undefined && accessType !== 'ALL'),
  };
  const indexName = str(d['Index Name']) ?? str(d.key) ?? str(d.index);
  if (indexName) f.indexName = indexName;
  const filter = str(d.Filter) ?? str(d.attached_condition) ?? str(d.predicate);
  if (filter) f.filter = filter;
  else if (/^Filter: /.test(op)) f.filter = op.slice(8);
  const join =
    str(d['Hash Cond']) ?? str(d['Merge Cond']) ?? str(d['Join Filter']) ?? str(d['Index Cond']) ?? str(d.ref && String(d.ref)) ?? str(d.seekPredicate);
  if (join) f.joinCondition = join;
  const jt = joinTypeOf(op) ?? (str(d.join_type) === 'BNL' ? 'block nested loop' : undefined);
  if (jt) f.joinType = jt;
  const loops = num(d['Actual Loops']) ?? num(d.r_loops) ?? num(d.loops) ?? num(d.executions);
  if (loops !== undefined) f.loops = loops;
  const startup = num(d['Startup Cost']);
  if (startup !== undefined) f.startupCost = startup;
  const removed = num(d['Rows Removed by Filter']);
  if (removed !== undefined) f.rowsRemovedByFilter = removed;
  // Selectivity: measured (PG rows kept vs removed, MariaDB r_filtered) before estimated (filtered).
  if (removed !== undefined && node.actualRows !== undefined && node.actualRows + removed > 0)
    f.selectivity = node.actualRows / (node.actualRows + removed);
  else if (num(d.r_filtered) !== undefined) f.selectivity = num(d.r_filtered)! / 100;
  else if (num(d.filtered) !== undefined && f.filter) f.selectivity = num(d.filtered)! / 100;
  const sortMethod = str(d['Sort Method']);
  if (sortMethod) f.sortMethod = sortMethod;
  const batches = num(d['Hash Batches']);
  if (batches !== undefined) f.hashBatches = batches;
  if (/external/i.test(sortMethod ?? '') || str(d['Sort Space Type']) === 'Disk' || (batches ?? 1) > 1 || d.spill === true) f.spill = true;
  if (d.using_filesort === true || /^Filesort$/i.test(op) || /USE TEMP B-TREE FOR (ORDER BY|DISTINCT|GROUP BY)/i.test(text)) f.usingFilesort = true;
  if (d.using_temporary_table === true || /^Temporary Table$/i.test(op) || /^Temporary table\b/i.test(op)) f.usingTemporary = true;
  const buffers = buffersOf(d);
  if (buffers) f.buffers = buffers;
  return f;
}
