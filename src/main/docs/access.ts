/** What other features (retrieval, AI) may ask of the documentation store. */
import type { GlossaryTerm } from '../../shared/docs';

/** The user's documentation of a connection. */
export interface DocsAccess {
  /** Descriptions by target: `schema.table` or `schema.table.column` → Markdown text. */
  descriptions(connectionId: string): Map<string, string>;
  glossary(connectionId: string): GlossaryTerm[];
  /** Saves reviewed descriptions (e.g. AI drafts the user accepted). */
  saveDescriptions(connectionId: string, entries: { target: string; text: string }[]): void;
}
