/** "Export…": writes the whole result (not only what the grid loaded) with progress and cancel. */
import { useRef, useState, type ReactNode } from 'react';
import { toAppError } from '../../../shared/errors';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/query';
import { formatBytes } from '../../../shared/values';
import { useApi, useEvent } from '../../api/hooks';
import { CloseIcon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';
import { plural } from './panelModel';

/** Menu labels of the export formats. */
export const EXPORT_LABELS: Record<ExportFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  json: 'JSON',
  ndjson: 'NDJSON (one object a line)',
  markdown: 'Markdown table',
  sql: 'SQL INSERT statements',
  xlsx: 'Excel (.xlsx)',
};

/** An export id unique enough for one app session. */
function newExportId(): string {
  return `exp-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
}

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; exportId: string; format: ExportFormat; rows: number; bytes: number; cancelling: boolean }
  | { phase: 'done'; path: string; rows: number; bytes: number }
  | { phase: 'failed'; message: string };

/** The export button and its status line. */
export function ExportControl({ resultId, disabled }: { resultId: string; disabled: boolean }): ReactNode {
  const api = useApi();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const cancelled = useRef(false);

  useEvent('export.progress', (p) =>
    setState((s) => (s.phase === 'running' && s.exportId === p.exportId ? { ...s, rows: p.rows, bytes: p.bytes } : s)),
  );

  const start = (format: ExportFormat): void => {
    const exportId = newExportId();
    cancelled.current = false;
    setState({ phase: 'running', exportId, format, rows: 0, bytes: 0, cancelling: false });
    api.call('result.export', { resultId, format, exportId }).then(
      (r) => setState({ phase: 'done', path: r.path, rows: r.rows, bytes: r.bytes }),
      (err: unknown) =>
        setState(
          cancelled.current ? { phase: 'failed', message: 'Export cancelled; the partial file was deleted.' } : { phase: 'failed', message: toAppError(err).message },
        ),
    );
  };

  const cancel = (): void => {
    if (state.phase !== 'running') return;
    cancelled.current = true;
    setState({ ...state, cancelling: true });
    api.call('export.cancel', { exportId: state.exportId }).catch(() => undefined);
  };

  return (
    <>
      <button
        type="button"
        className="btn btn-small"
        disabled={disabled || state.phase === 'running'}
        title={disabled ? 'Export is available once the query finished' : 'Export the whole result to a file'}
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          setMenu({ x: r.left, y: r.bottom + 4 });
        }}
      >
        Export…
      </button>
      {menu && (
        <Menu
          x={menu.x}
          y={menu.y}
          label="Export format"
          items={EXPORT_FORMATS.map((f) => ({ label: EXPORT_LABELS[f], onSelect: () => start(f) }))}
          onClose={() => setMenu(null)}
        />
      )}
      {state.phase === 'running' && (
        <span className="rs-export" role="status" data-testid="export-status">
          <span className="spinner" /> Exporting {EXPORT_LABELS[state.format]}… {plural(state.rows, 'row')} ·{' '}
          {formatBytes(state.bytes)}
          <button type="button" className="btn btn-small" onClick={cancel} disabled={state.cancelling}>
            {state.cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </span>
      )}
      {(state.phase === 'done' || state.phase === 'failed') && (
        <span className={`rs-export${state.phase === 'failed' ? ' is-error' : ''}`} role="status" data-testid="export-status">
          {state.phase === 'done' ? (
            <>
              Saved {plural(state.rows, 'row')} ({formatBytes(state.bytes)}) to{' '}
              <code className="rs-path" title={state.path} data-testid="export-path">
                {state.path}
              </code>
            </>
          ) : (
            state.message
          )}
          <button type="button" className="rs-icon-btn" aria-label="Dismiss" onClick={() => setState({ phase: 'idle' })}>
            <CloseIcon size={10} />
          </button>
        </span>
      )}
    </>
  );
}
