/**
 * How AI answers reach the query tab's editor: insert at the cursor or over the selection (and
 * leave the inserted SQL selected, so "Run" runs exactly it through the tab's normal run path),
 * and read the SQL an editor action is about (the selection, else the statement at the cursor).
 */
import type { EditorView } from '@codemirror/view';
import type { Engine } from '../../../shared/connection';
import { runTarget } from '../editor/runModel';

/** The text to insert and where the inserted SQL lands, for an insert at `from..to` of `doc`. */
export function insertion(doc: string, from: number, to: number, sql: string): { text: string; start: number; end: number } {
  const body = sql.trim();
  const replacing = to > from;
  const before = doc.slice(0, from);
  const after = doc.slice(to);
  // At a bare cursor, keep the new statement apart from its neighbours.
  const lead = !replacing && before.trim() ? (before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n') : '';
  const needsSemi = !replacing && (before.trim() || after.trim()) && !body.endsWith(';');
  const tail = !replacing && after.trim() ? '\n\n' : '';
  const text = `${lead}${body}${needsSemi ? ';' : ''}${tail}`;
  const start = from + lead.length;
  return { text, start, end: start + body.length + (needsSemi ? 1 : 0) };
}

/** Inserts `sql` at the cursor (or over the selection) and selects it. */
export function insertIntoEditor(view: EditorView, sql: string): void {
  const sel = view.state.selection.main;
  const { text, start, end } = insertion(view.state.doc.toString(), sel.from, sel.to, sql);
  view.dispatch({
    changes: { from: sel.from, to: sel.to, insert: text },
    selection: { anchor: start, head: end },
    scrollIntoView: true,
    userEvent: 'input.ai',
  });
  view.focus();
}

/** The SQL an editor action is about: the selection, else the statement at the cursor. */
export function sqlAtCursor(view: EditorView, engine: Engine): string | null {
  const sel = view.state.selection.main;
  return runTarget(view.state.doc.toString(), { from: sel.from, to: sel.to }, 'current', engine)?.sql ?? null;
}
