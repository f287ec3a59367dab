/** Pure logic of "Describe with AI" in the Docs view: which drafts the user keeps, as edited. */
import type { DescribeEntry } from '../../../shared/contracts/ai';

/** A draft under review: kept or not, and its text as the user edited it. */
export interface DraftState {
  target: string;
  text: string;
  existing: string | null;
  /** Kept by default unless it would replace an existing description. */
  keep: boolean;
}

/** The review state of fresh drafts: new descriptions ticked, replacements left for the user to tick. */
export function initialDrafts(entries: readonly DescribeEntry[]): DraftState[] {
  return entries.map((e) => ({ target: e.target, text: e.text, existing: e.existing, keep: e.existing === null }));
}

/** The entries to save: the kept drafts with non-blank text. */
export function acceptedEntries(drafts: readonly DraftState[]): { target: string; text: string }[] {
  return drafts.filter((d) => d.keep && d.text.trim() !== '').map((d) => ({ target: d.target, text: d.text.trim() }));
}

/** The column part of a target (`schema.table.column` → `column`), or "table" for the table itself. */
export function draftLabel(target: string, tableTarget: string): string {
  return target === tableTarget ? 'table' : target.startsWith(`${tableTarget}.`) ? target.slice(tableTarget.length + 1) : target;
}
