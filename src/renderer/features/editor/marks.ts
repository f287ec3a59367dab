/**
 * Editor decorations driven by runs: the statement being run is highlighted, and an error is
 * marked at its line (gutter-free line class) and column (a wavy underline on the word there).
 */
import { StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/** A region of the document to highlight as "running", or null to clear it. */
export const setRunningRange = StateEffect.define<{ from: number; to: number } | null>();
/** An error to mark (0-based document offset and message), or null to clear it. */
export const setErrorMark = StateEffect.define<{ at: number; message: string } | null>();

const running = Decoration.mark({ class: 'cm-running-statement' });

const marks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setRunningRange)) {
        next = next.update({ filter: (_f, _t, d) => d.spec.class !== 'cm-running-statement' });
        if (e.value && e.value.to > e.value.from) next = next.update({ add: [running.range(e.value.from, e.value.to)] });
      } else if (e.is(setErrorMark)) {
        next = next.update({ filter: (_f, _t, d) => d.spec.kind !== 'error' });
        if (e.value) next = next.update({ add: errorDecorations(tr.state.doc.toString(), e.value.at, e.value.message), sort: true });
      }
    }
    // Typing over an error makes its mark stale.
    if (tr.docChanged) next = next.update({ filter: (_f, _t, d) => d.spec.kind !== 'error' });
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

function errorDecorations(doc: string, at: number, message: string): Range<Decoration>[] {
  const pos = Math.max(0, Math.min(at, doc.length));
  const lineStart = doc.lastIndexOf('\n', pos - 1) + 1;
  const word = /^[\w$."`[\]]+/.exec(doc.slice(pos, pos + 200));
  const end = Math.min(doc.length, pos + (word ? word[0].length : 1));
  const out: Range<Decoration>[] = [
    Decoration.line({ class: 'cm-error-line', attributes: { title: message }, kind: 'error' }).range(lineStart),
  ];
  if (end > pos) out.push(Decoration.mark({ class: 'cm-error-mark', attributes: { title: message }, kind: 'error' }).range(pos, end));
  return out;
}

/** The field holding run and error decorations. */
export function runMarks(): Extension {
  return marks;
}
