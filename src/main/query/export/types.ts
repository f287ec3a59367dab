/** The shared shape of every text export format. */
import type { ColumnMeta } from '../../../shared/query';
import type { Row } from '../../../shared/values';

/**
 * Renders one text format piece by piece, so any number of rows streams through bounded memory:
 * `header()` once, `rows(batch)` per batch, `footer()` once. Each returns the text to append.
 */
export interface RowWriter {
  header(): string;
  rows(batch: Row[]): string;
  footer(): string;
}

/** Builds a RowWriter for a result's columns. */
export type RowWriterFactory = (columns: ColumnMeta[]) => RowWriter;
