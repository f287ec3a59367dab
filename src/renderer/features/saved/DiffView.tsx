/** A side-by-side diff of two versions, rendered from the unified patch main computed. */
import type { ReactNode } from 'react';
import { patchToRows } from '../history/model';

/** Side-by-side rows with line numbers; changed lines paired. */
export function DiffView(props: { patch: string; fromLabel: string; toLabel: string }): ReactNode {
  const rows = patchToRows(props.patch);
  return (
    <div className="diff" data-testid="saved-diff">
      <div className="diff-head">
        <span>{props.fromLabel}</span>
        <span>{props.toLabel}</span>
      </div>
      {rows.length === 0 && (
        <div className="diff-same">The SQL of these versions is identical.</div>
      )}
      <table className="diff-table">
        <colgroup>
          <col className="diff-col-no" />
          <col />
          <col className="diff-col-no" />
          <col />
        </colgroup>
        <tbody>
          {rows.map((r, i) =>
            r.kind === 'hunk' ? (
              // The first hunk's separator adds nothing; later ones mark skipped unchanged lines.
              i === 0 ? null : (
                <tr key={i} className="diff-hunk">
                  <td colSpan={4}>⋯</td>
                </tr>
              )
            ) : (
              <tr key={i} className={`diff-${r.kind}`}>
                <td className="diff-no">{r.left?.no ?? ''}</td>
                <td className={`diff-text${r.left && r.kind !== 'context' ? ' is-old' : ''}`}>
                  {r.left ? (r.kind === 'context' ? ' ' : '−') + ' ' + r.left.text : ''}
                </td>
                <td className="diff-no">{r.right?.no ?? ''}</td>
                <td className={`diff-text${r.right && r.kind !== 'context' ? ' is-new' : ''}`}>
                  {r.right ? (r.kind === 'context' ? ' ' : '+') + ' ' + r.right.text : ''}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
