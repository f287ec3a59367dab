/** One result set: a toolbar (count, filter, copy, export), the virtual grid and the cell viewer. */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Engine } from '../../../shared/connection';
import { cellToText, type CellValue } from '../../../shared/values';
import { Menu } from '../../ui/Menu';
import { copyText } from './clipboard';
import { CellViewer } from './CellViewer';
import { ExportControl } from './ExportControl';
import { autoWidths, initialWidth, nextSort } from './gridModel';
import { COPY_FORMATS, formatRows, type CopyFormat } from './model';
import { plural, type ResultTab } from './panelModel';
import { ResultGrid } from './ResultGrid';
import { boundsOf, isSelected, selectedRowCount, type CellPos, type Selection } from './selection';
import { useResultView } from './useResultView';

const COPY_LABELS: Record<CopyFormat, string> = { tsv: 'TSV', csv: 'CSV', json: 'JSON', markdown: 'Markdown' };
/** Copying more rows than this would stall the UI and flood the clipboard. */
const COPY_LIMIT = 100_000;

/** Props of one result set's view. */
export interface ResultSetViewProps {
  tab: ResultTab;
  connectionId?: string | undefined;
  engine?: Engine | undefined;
}

/** The view (keyed by resultId by the parent, so column state resets per result). */
export function ResultSetView({ tab, connectionId, engine }: ResultSetViewProps): ReactNode {
  const view = useResultView({ ...tab, connectionId, engine });
  const { source } = view;
  const [order, setOrder] = useState(() => tab.columns.map((_, i) => i));
  const [widths, setWidths] = useState(() => tab.columns.map((c) => initialWidth(c.name, c.type)));
  const [selection, setSelection] = useState<Selection | null>(null);
  const [viewer, setViewer] = useState<{ pos: CellPos; value: CellValue } | null>(null);
  const [showFilters, setShowFilters] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [cellMenu, setCellMenu] = useState<{ x: number; y: number; pos: CellPos; value: CellValue } | null>(null);
  const [note, setNote] = useState<string | null>(null);

  // Fit the columns to the first rows once they arrive (later the user's widths win).
  const fitted = useRef(false);
  const firstRow = source.row(0);
  useEffect(() => {
    if (fitted.current || !firstRow) return;
    fitted.current = true;
    const sample = [];
    for (let i = 0; i < 200; i++) {
      const row = source.row(i);
      if (!row) break;
      sample.push(row);
    }
    setWidths(autoWidths(tab.columns, sample));
  }, [firstRow, source, tab.columns]);

  const copy = useCallback(
    async (format: CopyFormat) => {
      if (!selection) return setNote('Select cells or rows to copy.');
      const b = boundsOf(selection);
      const count = Math.min(b.bottom - b.top + 1, COPY_LIMIT);
      const rows = await source.read(b.top, count);
      const cols = order.slice(b.left, b.right + 1);
      const text = formatRows(
        format,
        cols.map((c) => tab.columns[c]!),
        rows.map((r) => cols.map((c) => r[c] ?? null)),
      );
      await copyText(text);
      setNote(
        `Copied ${plural(rows.length, 'row')} as ${COPY_LABELS[format]}${count < b.bottom - b.top + 1 ? ` (first ${COPY_LIMIT.toLocaleString('en-US')})` : ''}`,
      );
    },
    [selection, source, order, tab.columns],
  );

  const setFilter = (column: number, text: string): void => {
    if ((view.filters[column] ?? '') === text) return;
    view.setFilters({ ...view.filters, [column]: text });
  };

  const state = tab.complete || source.complete ? 'complete' : 'streaming';
  const filtered = view.sort !== null || Object.values(view.filters).some((f) => f.trim());
  return (
    <div className="rs-view">
      <div className="rs-toolbar">
        <span className="rs-count" data-testid="result-count">
          {plural(source.rowCount, 'row')}
          {state === 'streaming' ? '…' : ''}
          {filtered && <span className="rs-tag">{view.mode === 'server' ? 'sorted/filtered by the server' : 'sorted/filtered'}</span>}
        </span>
        {selection && selectedRowCount(selection) > 1 && (
          <span className="rs-muted">{plural(selectedRowCount(selection), 'row')} selected</span>
        )}
        {view.busy && <span className="spinner" aria-label="Loading" />}
        {view.error && <span className="rs-error-text">{view.error.message}</span>}
        {note && (
          <span className="rs-muted" role="status" onAnimationEnd={() => setNote(null)}>
            {note}
          </span>
        )}
        <span className="rs-spacer" />
        <button
          type="button"
          className={`btn btn-small${showFilters ? ' is-on' : ''}`}
          aria-pressed={showFilters}
          title={view.disabledReason ?? 'Filter rows by column (Enter applies)'}
          onClick={() => setShowFilters((v) => !v)}
        >
          Filter
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!selection}
          title={selection ? 'Copy the selection (Ctrl+C copies TSV)' : 'Select cells or rows first'}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            setMenu({ x: r.left, y: r.bottom + 4 });
          }}
        >
          Copy as…
        </button>
        {menu && (
          <Menu
            x={menu.x}
            y={menu.y}
            label="Copy format"
            items={COPY_FORMATS.map((f) => ({ label: COPY_LABELS[f], onSelect: () => void copy(f) }))}
            onClose={() => setMenu(null)}
          />
        )}
        <ExportControl resultId={tab.resultId} disabled={state !== 'complete'} />
      </div>
      <div className="rs-body">
        {view.pageError && (
          <div className="rs-page-error" role="alert" data-testid="result-page-error">
            {view.pageError}
          </div>
        )}
        <ResultGrid
          columns={tab.columns}
          source={source}
          order={order}
          widths={widths}
          selection={selection}
          onSelect={setSelection}
          onOrder={setOrder}
          onWidths={setWidths}
          sort={view.sort}
          sortDisabled={view.disabledReason}
          onSort={(column) => view.disabledReason === null && view.setSort(nextSort(view.sort, column))}
          showFilters={showFilters}
          filters={view.filters}
          onFilter={setFilter}
          onOpenCell={(pos, value) => setViewer({ pos, value })}
          onCellMenu={(pos, value, x, y) => {
            if (!isSelected(selection, pos.row, pos.col)) setSelection({ anchor: pos, focus: pos });
            setCellMenu({ x, y, pos, value });
          }}
          onCopy={() => void copy('tsv')}
          viewKey={JSON.stringify([view.sort, view.filters])}
        />
        {cellMenu && (
          <Menu
            x={cellMenu.x}
            y={cellMenu.y}
            label="Cell actions"
            items={[
              { label: 'Open in viewer', onSelect: () => setViewer({ pos: cellMenu.pos, value: cellMenu.value }) },
              {
                label: 'Copy value',
                onSelect: () =>
                  void copyText(cellMenu.value === null ? '' : cellToText(cellMenu.value)).then(() =>
                    setNote('Copied the value'),
                  ),
              },
              ...COPY_FORMATS.map((f) => ({ label: `Copy selection as ${COPY_LABELS[f]}`, onSelect: () => void copy(f) })),
            ]}
            onClose={() => setCellMenu(null)}
          />
        )}
        {viewer && (
          <CellViewer
            column={tab.columns[order[viewer.pos.col]!]!}
            rowNumber={viewer.pos.row + 1}
            value={viewer.value}
            onClose={() => setViewer(null)}
          />
        )}
      </div>
    </div>
  );
}
