/**
 * The documentation model shared by the docs store, the exporters (HTML/Markdown/JSON), the CLI
 * and the renderer. Everything is rendered from one `DocsBundle` (a SchemaSnapshot plus the
 * user's words), the way tbls renders everything from one schema document.
 */
import type { SchemaSnapshot } from './schema';

/** A documented object: `schema.table` or `schema.table.column` (names as the catalog spells them). */
export type DocTarget = string;

/** A glossary term of the business vocabulary. */
export interface GlossaryTerm {
  term: string;
  /** Markdown. */
  definition: string;
}

/** Share of tables and columns with a description (the user's, or a database comment). */
export interface DocsCoverage {
  tables: { documented: number; total: number };
  columns: { documented: number; total: number };
  /** 0..1 over tables and columns together. */
  ratio: number;
}

/** The lint rules; each can be turned off. */
export type LintRuleId =
  | 'no-primary-key'
  | 'fk-without-index'
  | 'inconsistent-naming'
  | 'undocumented-table'
  | 'undocumented-column';

/** One lint finding. */
export interface LintFinding {
  rule: LintRuleId;
  severity: 'warning' | 'info';
  /** The object it is about (`schema.table` or `schema.table.column`). */
  target: DocTarget;
  message: string;
}

/** What changed between two snapshots. */
export interface SchemaChange {
  change: 'added' | 'removed' | 'changed';
  object: 'schema' | 'table' | 'view' | 'column' | 'index' | 'foreign_key' | 'constraint' | 'primary_key';
  /** e.g. `public.film`, `public.film.title`, `public.film.idx_title`. */
  target: string;
  before?: string;
  after?: string;
  /** Removed, or changed in a way that can break readers or writers (type narrowed, NOT NULL added, …). */
  breaking: boolean;
}

/** The changes between two snapshots. */
export interface SchemaDiff {
  from: { capturedAt: string; database: string };
  to: { capturedAt: string; database: string };
  changes: SchemaChange[];
  breaking: boolean;
}

/** Everything the docs outputs are rendered from. */
export interface DocsBundle {
  snapshot: SchemaSnapshot;
  /** The user's descriptions (Markdown) by target. */
  descriptions: Record<DocTarget, string>;
  glossary: GlossaryTerm[];
  coverage: DocsCoverage;
  lint: LintFinding[];
  generatedAt: string;
}
