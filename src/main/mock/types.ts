/** The mock-data generator's public types: options, per-column overrides, progress. */
import type { CellValue } from '../../shared/values';

/** How numbers drawn for a column are spread over their range. */
export type Distribution = 'uniform' | 'normal' | 'zipf';

/** A user's override for one column (keyed `table.column` or `schema.table.column`). */
export interface ColumnOverride {
  /** A named generator (see `GENERATOR_NAMES`), e.g. `email`, `firstName`, `int`. */
  generator?: string;
  /** Share of NULLs in 0..1 (ignored for NOT NULL columns). */
  nullRatio?: number;
  /** Inclusive numeric range for number/date columns (dates as epoch ms). */
  min?: number;
  max?: number;
  distribution?: Distribution;
  /** Pick values from this list only. */
  values?: CellValue[];
}

/** What to generate. */
export interface MockOptions {
  /** Tables to fill (`table` or `schema.table`); all tables when omitted. */
  tables?: string[];
  /** Rows per chosen table (auto-added parents that already have rows get none). */
  rows: number;
  /** Row counts for particular tables (`table` or `schema.table`), instead of `rows`. */
  rowsPerTable?: Record<string, number>;
  /** Same seed + same schema + same existing rows → same values. */
  seed?: number;
  overrides?: Record<string, ColumnOverride>;
}

/** Progress of an insert or export. */
export interface MockProgress {
  table: string;
  /** Rows done in this table / planned for it. */
  done: number;
  total: number;
  /** Rows done over all tables / planned over all tables. */
  doneAll: number;
  totalAll: number;
  phase: 'insert' | 'update';
}

/** Per-table count of rows written. */
export interface MockResult {
  tables: { schema: string; table: string; rows: number }[];
  totalRows: number;
}
