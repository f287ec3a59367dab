/** A plain table of one result page (issue 5 replaces it with the virtualised grid). */
import type { ReactNode } from 'react';
import type { ColumnMeta, ResultPage } from '../../../shared/query';
import { formatCell } from './model';

/** Rows of a page under sticky column headers, with row numbers. */
export function ResultTable({
  columns,
  page,
}: {
  columns: ColumnMeta[];
  page: ResultPage;
}): ReactNode {
  return (
    <div className="result-scroll">
      <table className="result-table" data-testid="result-table">
        <thead>
          <tr>
            <th className="rownum" aria-label="Row number" />
            {columns.map((c, i) => (
              <th key={i} title={c.type}>
                <span className="col-name">{c.name}</span>
                {c.type && <span className="col-type">{c.type.toLowerCase()}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row, r) => (
            <tr key={page.offset + r}>
              <td className="rownum">{page.offset + r + 1}</td>
              {row.map((cell, i) => {
                const { text, kind } = formatCell(cell);
                return (
                  <td key={i} className={`cell-${kind}`}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
