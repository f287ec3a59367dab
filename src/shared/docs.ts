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
  /** The table the object belongs to (`schema.table`), for grouping; absent for schemas. */
  table?: string;
  /** What changed, in words (e.g. `type varchar(80) → varchar(40) (narrowed); NOT NULL added`). */
  detail?: string;
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

/** A description whose target is no longer in the schema: kept, listed, never silently dropped. */
export interface OrphanDescription {
  target: DocTarget;
  text: string;
  updatedAt: string;
}

/** The bundle as `docs.bundle` returns it: with the descriptions whose target is gone. */
export interface DocsBundleWithOrphans extends DocsBundle {
  orphans: OrphanDescription[];
}

/** One stored description. */
export interface DescriptionEntry {
  target: DocTarget;
  text: string;
  updatedAt: string;
}

/** What a lint rule checks, for settings screens and reports. */
export interface LintRuleInfo {
  id: LintRuleId;
  title: string;
  explanation: string;
}

/** Every lint rule with a sentence on why it matters. */
export const LINT_RULES: readonly LintRuleInfo[] = [
  { id: 'no-primary-key', title: 'Table without a primary key', explanation: 'Rows cannot be addressed reliably: editing, replication and ORMs need a key.' },
  { id: 'fk-without-index', title: 'Foreign key without an index', explanation: 'Joins on the key and deletes in the referenced table scan the whole table when no index starts with the key columns.' },
  { id: 'inconsistent-naming', title: 'Inconsistent naming', explanation: 'A schema that mixes snake_case and camelCase, or singular and plural table names, is harder to guess and to query.' },
  { id: 'undocumented-table', title: 'Undocumented table', explanation: 'The table has neither a description nor a database comment.' },
  { id: 'undocumented-column', title: 'Undocumented column', explanation: 'The column has neither a description nor a database comment.' },
];

/** Per-connection lint settings. */
export interface LintSettings {
  disabled: LintRuleId[];
}

/** A stored snapshot (one per introspection). */
export interface SnapshotSummary {
  /** The snapshot's id, for `docs.diff`. */
  id: string;
  capturedAt: string;
  tables: number;
  views: number;
  columns: number;
}

/** One comment write-back statement. */
export interface CommentStatement {
  target: DocTarget;
  sql: string;
}

/** The DDL a comment write-back would run (nothing is run by a preview). */
export interface CommentPreview {
  engine: string;
  /** False on engines without comments (SQLite): `reason` says so, `statements` is empty. */
  supported: boolean;
  reason?: string;
  statements: CommentStatement[];
  /** Descriptions that are not written, and why (already equal, target gone, view on MySQL, too long). */
  skipped: { target: DocTarget; reason: string }[];
}

/** What a comment write-back ran. */
export interface CommentApplyResult {
  applied: number;
  statements: CommentStatement[];
  /** When the schema was re-introspected after writing. */
  capturedAt: string;
}

/** Emitted when a connection's descriptions or glossary changed (UI, AI drafts accepted, write-back). */
export interface DocsChangedEvent {
  connectionId: string;
  what: 'descriptions' | 'glossary' | 'settings' | 'schema';
}
