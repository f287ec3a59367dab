/**
 * "Export docs": the data dictionary as a static HTML site, Markdown pages or the bundle JSON,
 * written into the app's exports folder, with progress and Cancel.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { DocsSiteExportResult } from '../../../shared/contracts/docsSite';
import { toAppError } from '../../../shared/errors';
import { useApi, useEvent } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { progressPercent } from './model';

type Format = 'html' | 'md' | 'json';
const FORMATS: { format: Format; label: string; hint: string }[] = [
  { format: 'html', label: 'HTML site', hint: 'Opens in any browser from the folder, offline.' },
  { format: 'md', label: 'Markdown', hint: 'README.md and a page per table with Mermaid diagrams (GitHub, GitLab, wikis).' },
  { format: 'json', label: 'JSON', hint: 'The snapshot and your descriptions; querygenie diff --from reads it.' },
];

/** The dialog. */
export function ExportDialog(props: { connection: ConnectionSummary; onClose(): void }): ReactNode {
  const api = useApi();
  const [format, setFormat] = useState<Format>('html');
  const [diagrams, setDiagrams] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<DocsSiteExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportId = useRef<string | null>(null);

  useEvent('docsSite.progress', (p) => {
    if (p.exportId === exportId.current) setProgress({ done: p.done, total: p.total });
  });

  const run = (): void => {
    const id = crypto.randomUUID();
    exportId.current = id;
    setError(null);
    setResult(null);
    setProgress({ done: 0, total: 0 });
    api.call('docsSite.export', { connectionId: props.connection.id, format, exportId: id, diagrams }).then(setResult, (err: unknown) => {
      const e = toAppError(err);
      setError(e.code === 'QUERY_CANCELLED' ? 'Cancelled.' : e.message);
    }).finally(() => {
      exportId.current = null;
      setProgress(null);
    });
  };
  const cancel = (): void => {
    if (exportId.current) void api.call('docsSite.cancel', { exportId: exportId.current });
  };
  const running = progress !== null;

  const footer = (
    <>
      {running ? <button type="button" className="btn" onClick={cancel}>Cancel export</button> : <button type="button" className="btn" onClick={props.onClose}>Close</button>}
      <button type="button" className="btn btn-primary" disabled={running} onClick={run}>{running ? 'Exporting…' : 'Export'}</button>
    </>
  );
  return (
    <Dialog title="Export documentation" onClose={props.onClose} footer={footer} size="medium" testId="docs-export-dialog">
      <fieldset className="docs-formats" disabled={running}>
        <legend>Format</legend>
        {FORMATS.map((f) => (
          <label key={f.format} className="docs-format">
            <input type="radio" name="docs-format" checked={format === f.format} onChange={() => setFormat(f.format)} />
            <span><strong>{f.label}</strong><br /><span className="docs-faint">{f.hint}</span></span>
          </label>
        ))}
        {format !== 'json' && <label className="docs-format"><input type="checkbox" checked={diagrams} onChange={(e) => setDiagrams(e.target.checked)} /> Neighbour diagram on each table page</label>}
      </fieldset>
      {running && (
        <div className="docs-progress" role="progressbar" aria-valuenow={progressPercent(progress.done, progress.total)} aria-valuemin={0} aria-valuemax={100}>
          <span style={{ width: `${progressPercent(progress.done, progress.total)}%` }} />
          <em>{progress.total ? `${progress.done} of ${progress.total} tables` : 'Reading the schema…'}</em>
        </div>
      )}
      {result && (
        <p className="docs-ok" role="status" data-testid="docs-export-result">
          Wrote {result.files} files ({result.tablePages} table pages). Open <code className="docs-path">{result.entry}</code>
        </p>
      )}
      {error && <p className="docs-error" role="alert">{error}</p>}
    </Dialog>
  );
}
