/**
 * The nouns of running SQL: result columns, pages, statement outcomes, explain plans. Shared by
 * the services, the contract and the renderer.
 */
import type { ErrorData } from './errors';
import type { Row } from './values';

/** A result column. */
export interface ColumnMeta {
  name: string;
  /** The engine's type name (e.g. `int8`, `numeric`, `VARCHAR`), or '' when unknown. */
  type: string;
}

/** A window of rows read from a spooled result. */
export interface ResultPage {
  resultId: string;
  offset: number;
  rows: Row[];
  /** Rows spooled so far. */
  total: number;
  /** True when the driver has delivered every row. */
  complete: boolean;
}

/** What kind of statement a statement is, as classified by the guard. */
export type StatementKind = 'read' | 'write' | 'ddl' | 'transaction' | 'session' | 'other';

/** A notice or warning the server sent while a statement ran. */
export interface ServerMessage {
  severity: 'notice' | 'warning' | 'info' | 'error';
  message: string;
  code?: string;
}

/** One result set produced by a statement (a statement may produce several). */
export interface ResultSetInfo {
  resultId: string;
  columns: ColumnMeta[];
  rowCount: number;
  complete: boolean;
}

/** How one statement of a script ended. */
export interface StatementOutcome {
  /** 0-based index of the statement in the script. */
  index: number;
  sql: string;
  /** Where the statement starts in the script (1-based line and column). */
  line: number;
  column: number;
  kind: StatementKind;
  resultSets: ResultSetInfo[];
  /** Rows inserted/updated/deleted, or null when not applicable. */
  rowsAffected: number | null;
  durationMs: number;
  messages: ServerMessage[];
  error?: ErrorData;
}

/** A node of a normalised explain plan, the same shape on every engine. */
export interface PlanNode {
  op: string;
  relation?: string;
  estimatedRows?: number;
  actualRows?: number;
  cost?: number;
  timeMs?: number;
  /** Anything else the engine says about the node (filters, index names, …). */
  detail?: Record<string, unknown>;
  children: PlanNode[];
}

/** The engine's own plan plus the normalised tree. */
export interface ExplainResult {
  /** PostgreSQL JSON, MySQL FORMAT=JSON, SQLite rows, SQL Server showplan XML. */
  raw: unknown;
  format: 'json' | 'xml' | 'rows';
  plan: PlanNode;
}

/** Export formats. */
export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'markdown', 'sql', 'xlsx'] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
