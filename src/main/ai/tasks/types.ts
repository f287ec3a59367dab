/**
 * What the AI tasks need from a database, whoever provides it: the app (sessions, schema cache,
 * retrieval feature) or the CLI (one driver connection, the index file). Keeping this small lets
 * the same pipeline run in both and be unit-tested with a fake.
 */
import type { Engine } from '../../../shared/connection';
import type { GlossaryTerm } from '../../../shared/docs';
import type { ExplainResult } from '../../../shared/query';
import type { SchemaSnapshot } from '../../../shared/schema';
import type { PromptContext } from '../../retrieval/contextBuilder';
import type { ContextRequest } from '../../retrieval/access';

/** Distinct values of some columns (`schema.table.column` → values). */
export type ColumnSamples = Map<string, string[]>;

/** A database as the AI tasks see it. */
export interface TaskTarget {
  engine: Engine;
  /** The connection refuses anything but reads. */
  readOnly: boolean;
  /** The schema snapshot (cached); `refresh` re-reads the catalog. */
  snapshot(refresh?: boolean): Promise<SchemaSnapshot>;
  /** The plan WITHOUT running the statement (EXPLAIN, never ANALYZE). */
  explain(sql: string): Promise<ExplainResult>;
  /** The retrieval context of a question. */
  context(question: string, opts?: ContextRequest): Promise<PromptContext>;
  /** The user's descriptions (`schema.table[.column]` → text). */
  descriptions(): Map<string, string>;
  glossary(): GlossaryTerm[];
  /**
   * Distinct values of the given columns only (callers pass only columns privacy allows).
   * Absent when the target cannot sample.
   */
  samples?(columns: string[], signal?: AbortSignal): Promise<ColumnSamples>;
}
