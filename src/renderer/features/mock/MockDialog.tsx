/**
 * "Generate mock data…" for one connection: pick tables, rows per table and a seed, preview
 * sample rows, then insert them (progress bar, Cancel rolls back) or save them as SQL / CSV.
 */
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ConnectionSummary, MockInsertResult, MockPreviewTable } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { useApi, useEvent, useRequest } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { ColumnOverrides } from './ColumnOverrides';
import { describePlan, overridesArg, previewCell, progressPercent, tableChoices, toggleTable, validateMockForm, type OverrideForm } from './model';
import './mock.css';

type Busy = 'preview' | 'insert' | 'sql' | 'csv' | null;
type Notice = { tone: 'ok' | 'error'; text: string } | null;

/** The dialog; `onInserted` lets the caller refresh what shows row counts. */
export function MockDialog(props: { connection: ConnectionSummary; onClose(): void; onInserted?(): void }): ReactNode {
  const { connection } = props;
  const api = useApi();
  const schema = useRequest('schema.get', { connectionId: connection.id });
  const choices = useMemo(() => (schema.data ? tableChoices(schema.data) : []), [schema.data]);
  const [tables, setTables] = useState<string[]>([]);
  const [rows, setRows] = useState('100');
  const [tableRows, setTableRows] = useState<Record<string, string>>({});
  const [seed, setSeed] = useState('1');
  const [view, setView] = useState<'settings' | 'columns' | 'preview'>('settings');
  const [overrideForms, setOverrideForms] = useState<Record<string, OverrideForm>>({});
  const generators = useRequest('mock.generators', {});
  const generatorNames = generators.data?.generators ?? [];
  const [preview, setPreview] = useState<MockPreviewTable[] | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<{ rows: number; total: number; table: string } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const mockId = useRef<string | null>(null);
  const form = validateMockForm({ tables, rows, seed, tableRows });
  const overrides = overridesArg(overrideForms, generatorNames);
  const settings = form.ok && !overrides.ok ? { ok: false as const, error: overrides.error } : form;
  const overridesValue = overrides.ok ? overrides.value : undefined;
  const plan = useRequest('mock.plan', tables.length ? { connectionId: connection.id, tables } : null);

  useEvent('mock.progress', (p) => {
    if (p.mockId === mockId.current) setProgress({ rows: p.rows, total: p.total, table: p.table });
  });

  const fail = (err: unknown): void => {
    const e = toAppError(err);
    setNotice({ tone: 'error', text: e.code === 'QUERY_CANCELLED' ? 'Cancelled: nothing was inserted (the transaction was rolled back).' : e.message });
  };

  const runPreview = (): void => {
    if (!settings.ok) return;
    setBusy('preview');
    setNotice(null);
    api
      .call('mock.preview', { connectionId: connection.id, tables: settings.tables, rows: Math.min(settings.rows, 10), seed: settings.seed, overrides: overridesValue })
      .then((p) => {
        setPreview(p);
        setView('preview');
      }, fail)
      .finally(() => setBusy(null));
  };

  const runInsert = (confirmed: boolean): void => {
    if (!settings.ok) return;
    if (connection.environment === 'prod' && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const id = crypto.randomUUID();
    mockId.current = id;
    setBusy('insert');
    setNotice(null);
    setProgress({ rows: 0, total: 0, table: '' });
    api
      .call('mock.insert', { connectionId: connection.id, tables: settings.tables, rows: settings.rows, rowsPerTable: settings.rowsPerTable, seed: settings.seed, overrides: overridesValue, mockId: id, confirmed })
      .then((r: MockInsertResult) => {
        setNotice({ tone: 'ok', text: `Inserted ${r.totalRows.toLocaleString('en-US')} rows: ${r.tables.map((t) => `${t.table} ${t.rows.toLocaleString('en-US')}`).join(', ')}.` });
        props.onInserted?.();
      }, fail)
      .finally(() => {
        mockId.current = null;
        setBusy(null);
        setProgress(null);
      });
  };

  const runExport = (format: 'sql' | 'csv'): void => {
    if (!settings.ok) return;
    setBusy(format);
    setNotice(null);
    api
      .call('mock.export', { connectionId: connection.id, tables: settings.tables, rows: settings.rows, rowsPerTable: settings.rowsPerTable, seed: settings.seed, overrides: overridesValue, format })
      .then((r) => setNotice({ tone: 'ok', text: `Saved ${r.totalRows.toLocaleString('en-US')} rows to ${r.path}` }), fail)
      .finally(() => setBusy(null));
  };

  const cancel = (): void => {
    if (mockId.current) void api.call('mock.cancel', { mockId: mockId.current });
  };

  const footer = (
    <>
      <button type="button" className="btn" disabled={!settings.ok || busy !== null} onClick={() => runExport('sql')}>
        Save as SQL
      </button>
      <button type="button" className="btn" disabled={!settings.ok || busy !== null} onClick={() => runExport('csv')}>
        Save as CSV
      </button>
      <span className="spacer" />
      {busy === 'insert' ? (
        <button type="button" className="btn" onClick={cancel}>
          Cancel insert
        </button>
      ) : (
        <button type="button" className="btn" onClick={props.onClose}>
          Close
        </button>
      )}
      <button type="button" className="btn" disabled={!settings.ok || busy !== null} onClick={runPreview}>
        Preview
      </button>
      <button
        type="button"
        className={`btn ${connection.environment === 'prod' ? 'btn-danger' : 'btn-primary'}`}
        disabled={!settings.ok || busy !== null || connection.readOnly}
        title={connection.readOnly ? 'Read-only connection: save as SQL or CSV instead' : undefined}
        onClick={() => runInsert(false)}
      >
        Insert
      </button>
    </>
  );

  return (
    <Dialog title={`Generate mock data — ${connection.name}`} size="large" onClose={busy === 'insert' ? cancel : props.onClose} footer={footer} testId="mock-dialog">
      <div className="mock-tabs" role="tablist" aria-label="Mock data">
        <button type="button" role="tab" aria-selected={view === 'settings'} className="mock-tab" onClick={() => setView('settings')}>
          Settings
        </button>
        <button type="button" role="tab" aria-selected={view === 'columns'} className="mock-tab" disabled={tables.length === 0} onClick={() => setView('columns')}>
          Columns
        </button>
        <button type="button" role="tab" aria-selected={view === 'preview'} className="mock-tab" disabled={!preview} onClick={() => setView('preview')}>
          Preview
        </button>
      </div>
      {view === 'columns' && schema.data ? (
        <ColumnOverrides connectionId={connection.id} snapshot={schema.data} tables={tables} generators={generatorNames} forms={overrideForms} onChange={setOverrideForms} />
      ) : view === 'settings' ? (
        <div className="mock-settings">
          <fieldset className="mock-tables">
            <legend className="field-label">Tables</legend>
            {schema.loading && <p className="field-hint">Loading tables…</p>}
            {schema.error && <p className="field-error">{schema.error.message}</p>}
            <ul className="mock-table-list" aria-label="Tables">
              {choices.map((c) => (
                <li key={c.name}>
                  <label className="mock-check">
                    <input type="checkbox" checked={tables.includes(c.name)} onChange={() => setTables(toggleTable(tables, c.name, choices))} />
                    {c.label}
                  </label>
                  {tables.includes(c.name) && (
                    <input
                      className="input mock-table-rows"
                      inputMode="numeric"
                      aria-label={`Rows for ${c.name}`}
                      title="Rows for this table (empty: rows per table)"
                      placeholder={rows}
                      value={tableRows[c.name] ?? ''}
                      onChange={(e) => setTableRows({ ...tableRows, [c.name]: e.target.value })}
                    />
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="mock-side">
            <Field label="Rows per table" hint="A ticked table's own count, typed beside it, wins.">{(id) => <input id={id} className="input" inputMode="numeric" value={rows} onChange={(e) => setRows(e.target.value)} />}</Field>
            <Field label="Seed" hint="The same seed gives the same rows.">
              {(id) => <input id={id} className="input" inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />}
            </Field>
            {plan.data && plan.data.tables.length > 0 && (
              <p className="field-hint" data-testid="mock-plan">
                Insert order: {describePlan(plan.data.tables)}
              </p>
            )}
            {!settings.ok && <p className="field-hint">{settings.error}</p>}
            {connection.readOnly && <p className="field-hint">This connection is read-only: you can save the rows as SQL or CSV.</p>}
          </div>
        </div>
      ) : (
        <div className="mock-preview" data-testid="mock-preview">
          {preview?.map((t) => (
            <section key={`${t.schema}.${t.table}`}>
              <h3 className="mock-preview-title">{t.table}</h3>
              <div className="mock-grid-wrap">
                <table className="mock-grid">
                  <thead>
                    <tr>{t.columns.map((c) => <th key={c}>{c}</th>)}</tr>
                  </thead>
                  <tbody>
                    {t.rows.map((r, i) => (
                      <tr key={i}>{r.map((v, j) => <td key={j} className={v === null ? 'is-null' : undefined}>{previewCell(v)}</td>)}</tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </div>
      )}
      {progress && (
        <div className="mock-progress" data-testid="mock-progress">
          <progress max={100} value={progressPercent(progress.rows, progress.total)} aria-label="Insert progress" />
          <span>
            {progress.total ? `${progress.rows.toLocaleString('en-US')} / ${progress.total.toLocaleString('en-US')} rows${progress.table ? ` · ${progress.table}` : ''}` : 'Starting…'}
          </span>
        </div>
      )}
      {busy && busy !== 'insert' && <p className="field-hint">Working…</p>}
      {notice && (
        <div className={`alert alert-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="mock-notice">
          {notice.text}
        </div>
      )}
      {confirming && (
        <Dialog title="Insert into a prod connection?" size="small" tone="danger" onClose={() => setConfirming(false)} testId="mock-confirm"
          footer={
            <>
              <span className="spacer" />
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Cancel
              </button>
              <button type="button" className="btn btn-danger" onClick={() => runInsert(true)}>
                Insert into prod
              </button>
            </>
          }
        >
          <p>
            “{connection.name}” is tagged <strong>prod</strong>. {settings.ok ? `${settings.rows.toLocaleString('en-US')} rows per table` : 'Rows'} will be inserted into{' '}
            {settings.ok ? settings.tables.join(', ') : ''} in one transaction.
          </p>
        </Dialog>
      )}
    </Dialog>
  );
}
