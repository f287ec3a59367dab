/**
 * DocsService: the docs feature's use cases over the store, the schema cache and live
 * connections — bundle, descriptions, glossary, lint settings, snapshot history and diff,
 * comment write-back. It also implements DocsAccess for other features.
 */
import type { EmitEvent } from '../../shared/contract';
import type {
  CommentApplyResult,
  CommentPreview,
  DescriptionEntry,
  DocsBundleWithOrphans,
  DocsChangedEvent,
  GlossaryTerm,
  LintRuleId,
  LintSettings,
  SchemaDiff,
  SnapshotSummary,
} from '../../shared/docs';
import type { ConnectionStore } from '../connections/store';
import type { SessionManager } from '../query/sessions';
import type { SchemaService } from '../schema/schemaService';
import type { DocsAccess } from './access';
import { buildBundle } from './bundle';
import { applyComments, applyResult, assertCommentWriteAllowed, commentPreview } from './comments';
import { diffSnapshots } from './diff';
import type { DocsStore } from './store';

/** The docs use cases. */
export class DocsService implements DocsAccess {
  constructor(
    private readonly store: DocsStore,
    private readonly schemas: SchemaService,
    private readonly sessions: SessionManager,
    private readonly profiles: ConnectionStore,
    private readonly emit: EmitEvent,
  ) {}

  /** The bundle for a connection (cached snapshot unless `refresh`). */
  async bundle(connectionId: string, refresh = false): Promise<DocsBundleWithOrphans> {
    const snapshot = await this.schemas.get(connectionId, refresh);
    return buildBundle({
      snapshot,
      descriptions: this.store.listDescriptions(connectionId),
      glossary: this.store.glossary(connectionId),
      disabledRules: this.store.lintSettings(connectionId).disabled,
    });
  }

  /** Every stored description (orphans included). */
  listDescriptions(connectionId: string): DescriptionEntry[] {
    this.profiles.get(connectionId);
    return this.store.listDescriptions(connectionId);
  }

  /** Saves or (blank text) deletes one description. */
  saveDescription(connectionId: string, target: string, text: string): DescriptionEntry | null {
    this.profiles.get(connectionId);
    const saved = this.store.saveDescription(connectionId, target, text);
    this.changed(connectionId, 'descriptions');
    return saved;
  }

  /** DocsAccess: descriptions by target. */
  descriptions(connectionId: string): Map<string, string> {
    return this.store.descriptions(connectionId);
  }

  /** DocsAccess: saves reviewed descriptions. */
  saveDescriptions(connectionId: string, entries: { target: string; text: string }[]): void {
    this.store.saveDescriptions(connectionId, entries);
    this.changed(connectionId, 'descriptions');
  }

  /** DocsAccess and `docs.glossary.list`. */
  glossary(connectionId: string): GlossaryTerm[] {
    return this.store.glossary(connectionId);
  }

  /** Adds, updates or renames a term. */
  saveTerm(connectionId: string, term: string, definition: string, previousTerm?: string): GlossaryTerm[] {
    this.profiles.get(connectionId);
    const out = this.store.saveTerm(connectionId, term, definition, previousTerm);
    this.changed(connectionId, 'glossary');
    return out;
  }

  /** Deletes a term. */
  deleteTerm(connectionId: string, term: string): GlossaryTerm[] {
    const out = this.store.deleteTerm(connectionId, term);
    this.changed(connectionId, 'glossary');
    return out;
  }

  /** Lint rules turned off. */
  lintSettings(connectionId: string): LintSettings {
    return this.store.lintSettings(connectionId);
  }

  /** Turns lint rules off or on. */
  saveLintSettings(connectionId: string, disabled: LintRuleId[]): LintSettings {
    this.profiles.get(connectionId);
    const out = this.store.saveLintSettings(connectionId, disabled);
    this.changed(connectionId, 'settings');
    return out;
  }

  /** Stored snapshots, newest first. */
  snapshots(connectionId: string, limit?: number): SnapshotSummary[] {
    return this.store.snapshots(connectionId, limit);
  }

  /** Diff between two stored snapshots, or a stored one and the live schema (`to: 'live'` re-introspects and stores). */
  async diff(connectionId: string, from: string, to: string): Promise<SchemaDiff> {
    const before = this.store.snapshot(connectionId, from);
    const after = to === 'live' ? await this.schemas.get(connectionId, true) : this.store.snapshot(connectionId, to);
    return diffSnapshots(before, after);
  }

  /** The comment write-back DDL, built from the live catalog; nothing runs. */
  async previewComments(connectionId: string, targets?: string[]): Promise<CommentPreview> {
    const { conn } = await this.sessions.openUnshared(connectionId);
    try {
      return await commentPreview(conn, this.store.descriptions(connectionId), targets);
    } finally {
      await conn.close().catch(() => undefined);
    }
  }

  /** Writes descriptions as comments (guarded: read-only, SQLite, prod confirmation), then re-introspects. */
  async applyComments(connectionId: string, targets: string[] | undefined, confirmed: boolean): Promise<CommentApplyResult> {
    const profile = this.profiles.get(connectionId);
    assertCommentWriteAllowed(profile.engine, { name: profile.name, readOnly: profile.readOnly, environment: profile.environment, confirmed });
    const { conn } = await this.sessions.openUnshared(connectionId);
    let applied: number;
    let statements;
    try {
      statements = (await commentPreview(conn, this.store.descriptions(connectionId), targets)).statements;
      applied = await applyComments(conn, statements);
    } finally {
      await conn.close().catch(() => undefined);
    }
    const snapshot = await this.schemas.get(connectionId, true);
    this.changed(connectionId, 'schema');
    return applyResult(applied, statements, snapshot);
  }

  private changed(connectionId: string, what: DocsChangedEvent['what']): void {
    this.emit('docs.changed', { connectionId, what });
  }
}
