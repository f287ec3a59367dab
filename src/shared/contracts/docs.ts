/** Contract part — Schema documentation: descriptions, glossary, coverage, lint, snapshots and diff, comment write-back, export. */
import { z } from 'zod';
import type {
  CommentApplyResult,
  CommentPreview,
  DescriptionEntry,
  DocsBundleWithOrphans,
  DocsChangedEvent,
  GlossaryTerm,
  LintSettings,
  SchemaDiff,
  SnapshotSummary,
} from '../docs';
import { event, id, request } from './define';

/** `schema.table` or `schema.table.column`, as the catalog spells the names. */
const docTarget = z.string().min(1).max(1000);
const lintRuleId = z.enum(['no-primary-key', 'fk-without-index', 'inconsistent-naming', 'undocumented-table', 'undocumented-column']);
const commentTargets = z.array(docTarget).max(100_000).optional();

/** Requests of this feature (method names must also be listed in contractNames.ts). */
export const docsRequests = {
  /** The docs bundle (snapshot + descriptions + glossary + coverage + lint) and orphaned descriptions; `refresh` re-introspects. */
  'docs.bundle': request<DocsBundleWithOrphans>()(z.strictObject({ connectionId: id, refresh: z.boolean().optional() })),
  /** Every stored description of a connection (orphans included). */
  'docs.describe.list': request<DescriptionEntry[]>()(z.strictObject({ connectionId: id })),
  /** Saves one description (Markdown); empty or blank text deletes it. Returns the entry, or null when deleted. */
  'docs.describe.save': request<DescriptionEntry | null>()(
    z.strictObject({ connectionId: id, target: docTarget, text: z.string().max(100_000) }),
  ),
  /** The glossary of a connection, sorted by term. */
  'docs.glossary.list': request<GlossaryTerm[]>()(z.strictObject({ connectionId: id })),
  /** Adds or updates a term; `previousTerm` renames. Returns the whole glossary. */
  'docs.glossary.save': request<GlossaryTerm[]>()(
    z.strictObject({
      connectionId: id,
      term: z.string().trim().min(1).max(200),
      definition: z.string().max(100_000),
      previousTerm: z.string().max(200).optional(),
    }),
  ),
  /** Deletes a term. Returns the whole glossary. */
  'docs.glossary.delete': request<GlossaryTerm[]>()(z.strictObject({ connectionId: id, term: z.string().min(1).max(200) })),
  /** Which lint rules are turned off for a connection (the rules themselves: LINT_RULES). */
  'docs.lint.settings.get': request<LintSettings>()(z.strictObject({ connectionId: id })),
  /** Turns lint rules off (listed) or on (not listed). */
  'docs.lint.settings.save': request<LintSettings>()(
    z.strictObject({ connectionId: id, disabled: z.array(lintRuleId).max(20) }),
  ),
  /** Stored snapshots (one per introspection), newest first. */
  'docs.snapshots.list': request<SnapshotSummary[]>()(
    z.strictObject({ connectionId: id, limit: z.number().int().min(1).max(1000).optional() }),
  ),
  /** The changes from one stored snapshot to another, or to the live schema (`'live'` re-introspects). */
  'docs.diff': request<SchemaDiff>()(z.strictObject({ connectionId: id, from: id, to: id })),
  /** The DDL that would write descriptions back as database comments (nothing runs). */
  'docs.comments.preview': request<CommentPreview>()(z.strictObject({ connectionId: id, targets: commentTargets })),
  /** Runs the previewed DDL and re-introspects; refused read-only; prod needs `confirmed`; never automatic. */
  'docs.comments.apply': request<CommentApplyResult>()(
    z.strictObject({ connectionId: id, targets: commentTargets, confirmed: z.boolean().optional() }),
  ),
} as const;

/** Events of this feature (names must also be listed in contractNames.ts). */
export const docsEvents = {
  /** A connection's descriptions, glossary, lint settings or (after write-back) schema changed. */
  'docs.changed': event<DocsChangedEvent>(),
} as const;
