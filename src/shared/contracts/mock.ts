/** Contract part — mock data: plan, preview, insert with progress and cancel, export. */
import { z } from 'zod';
import type { Row } from '../values';
import { event, id, request } from './define';

const mockTables = z.array(z.string().min(1).max(600)).min(1).max(1000);
const mockRows = z.number().int().min(0).max(10_000_000);
const mockSeed = z.number().int().optional();
/** Row counts for particular tables (`table` or `schema.table`) instead of `rows`. */
const mockRowsPerTable = z.record(z.string().min(1).max(600), mockRows).optional();
const mockOverrides = z
  .record(
    z.string().max(600),
    z.strictObject({
      generator: z.string().max(100).optional(),
      nullRatio: z.number().min(0).max(1).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      distribution: z.enum(['uniform', 'normal', 'zipf']).optional(),
      values: z.array(z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()])).max(10_000).optional(),
    }),
  )
  .optional();

/** Requests of this feature. */
export const mockRequests = {
  /** The named generators a column override may pick (`email`, `firstName`, `int`, …). */
  'mock.generators': request<{ generators: string[] }>()(z.strictObject({})),
  /**
   * AI suggestions of a generator per column (names and types only are sent), for the user to
   * review and apply in the Columns tab; nothing is applied by this call.
   */
  'mock.suggest': request<MockSuggestions>()(z.strictObject({ connectionId: id, tables: mockTables })),
  /** Mock data: the chosen tables in insert order; parents a chosen table needs are added as `auto`. */
  'mock.plan': request<{ tables: MockPlanTable[] }>()(z.strictObject({ connectionId: id, tables: mockTables })),
  /** Mock data: sample rows per table (nothing is written). */
  'mock.preview': request<MockPreviewTable[]>()(
    z.strictObject({ connectionId: id, tables: mockTables, rows: z.number().int().min(0).max(1000).optional(), seed: mockSeed, overrides: mockOverrides }),
  ),
  /** Mock data: inserts rows in one transaction (progress: `mock.progress`); refused read-only; prod needs `confirmed`. */
  'mock.insert': request<MockInsertResult>()(
    z.strictObject({ connectionId: id, tables: mockTables, rows: mockRows, rowsPerTable: mockRowsPerTable, seed: mockSeed, overrides: mockOverrides, mockId: id.optional(), confirmed: z.boolean().optional() }),
  ),
  /** Cancels a running mock insert; its transaction rolls back. */
  'mock.cancel': request<{ cancelled: boolean }>()(z.strictObject({ mockId: id })),
  /** Mock data written to the exports folder: one SQL script, or a folder of CSV files. */
  'mock.export': request<{ path: string; files: string[]; totalRows: number }>()(
    z.strictObject({ connectionId: id, tables: mockTables, rows: mockRows, rowsPerTable: mockRowsPerTable, seed: mockSeed, overrides: mockOverrides, format: z.enum(['sql', 'csv']) }),
  ),
} as const;

/** Events of this feature. */
export const mockEvents = {
  /** Progress of a mock-data insert. */
  'mock.progress': event<MockProgressEvent>(),
} as const;

/** A table of a mock-data plan. */
export interface MockPlanTable {
  schema: string;
  table: string;
  /** Added because a chosen table needs its rows (filled only when empty). */
  auto: boolean;
}

/** Sample mock rows of one table. */
export interface MockPreviewTable {
  schema: string;
  table: string;
  columns: string[];
  rows: Row[];
}

/** Rows a mock insert wrote. */
export interface MockInsertResult {
  mockId: string;
  tables: { schema: string; table: string; rows: number }[];
  totalRows: number;
}

/** Progress of a mock insert: rows done over all tables / planned. */
export interface MockProgressEvent {
  mockId: string;
  table: string;
  rows: number;
  total: number;
}

/** AI generator suggestions for review. */
export interface MockSuggestions {
  suggestions: { key: string; generator: string; reason: string }[];
  /** Suggestions dropped because they named an unknown column or generator. */
  dropped: number;
  provider: string;
  model: string;
  costUsd: number;
}
