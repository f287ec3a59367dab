/**
 * "Retrieval index…" for one connection: what the local index holds, building or updating it
 * (progress bar, Cancel keeps the previous index), the opt-in value samples, the embedder, and a
 * search box to check which tables the AI will be shown for a question.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { RetrievalProgress } from '../../../shared/contracts/retrieval';
import { toAppError } from '../../../shared/errors';
import { useApi, useEvent, useRequest } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { EmbedderPicker } from './EmbedderPicker';
import { countWord, describeBuild, describeEmbedder, embedderChanged, formatBuiltAt, progressPercent, progressText, statusHeadline } from './model';
import { SearchBox } from './SearchBox';
import './retrieval.css';

type Notice = { tone: 'ok' | 'error' | 'info'; text: string } | null;
type Progress = Pick<RetrievalProgress, 'phase' | 'done' | 'total'>;

/** The dialog for `connection`. */
export function RetrievalDialog(props: { connection: ConnectionSummary; onClose(): void }): ReactNode {
  const { connection } = props;
  const api = useApi();
  const status = useRequest('retrieval.status', { connectionId: connection.id });
  const providers = useRequest('ai.providers.list', {});
  const [refreshSchema, setRefreshSchema] = useState(false);
  const [building, setBuilding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // The switch shows the user's choice at once (the status reload lands a moment later).
  const [samplesChoice, setSamplesChoice] = useState<boolean | null>(null);
  const buildId = useRef<string | null>(null);
  const s = status.data;
  const busy = building || saving;

  useEvent('retrieval.progress', (p) => {
    if (p.buildId === buildId.current && p.connectionId === connection.id) setProgress({ phase: p.phase, done: p.done, total: p.total });
  });

  const fail = (err: unknown): void => {
    const e = toAppError(err);
    if (e.code !== 'QUERY_CANCELLED') {
      setNotice({ tone: 'error', text: e.message });
      return;
    }
    // An update keeps the previous index; a new embedder starts from an empty one, so say which happened.
    api.call('retrieval.status', { connectionId: connection.id }).then(
      (now) => setNotice({ tone: 'info', text: now.built ? 'Cancelled: the previous index is kept.' : 'Cancelled: the index is not built with the new embedder yet; build it to use it.' }),
      () => setNotice({ tone: 'info', text: 'Cancelled.' }),
    );
  };

  const build = (): void => {
    const id = crypto.randomUUID();
    buildId.current = id;
    setBuilding(true);
    setNotice(null);
    setProgress(null);
    api
      .call('retrieval.build', { connectionId: connection.id, buildId: id, refreshSchema })
      .then((r) => {
        setProgress({ phase: 'done', done: r.total, total: r.total });
        setNotice({ tone: 'ok', text: describeBuild(r) });
      }, (err: unknown) => {
        setProgress(null);
        fail(err);
      })
      .finally(() => {
        buildId.current = null;
        setBuilding(false);
        status.reload();
      });
  };

  const cancel = (): void => {
    if (buildId.current) api.call('retrieval.cancel', { buildId: buildId.current }).catch(fail);
  };

  const saveOptions = (args: { valueSamples?: boolean; embedder?: { provider: string; model: string } | null }, then?: () => void, failed?: () => void): void => {
    setSaving(true);
    setNotice(null);
    api
      .call('retrieval.options.save', { connectionId: connection.id, ...args })
      .then(() => {
        status.reload();
        then?.();
      }, (err: unknown) => {
        failed?.();
        fail(err);
      })
      .finally(() => setSaving(false));
  };


  const footer = (
    <>
      <span className="spacer" />
      {building ? (
        <button type="button" className="btn" onClick={cancel}>
          Cancel build
        </button>
      ) : (
        <button type="button" className="btn" onClick={props.onClose}>
          Close
        </button>
      )}
      <button type="button" className="btn btn-primary" disabled={!s || busy} onClick={build}>
        {s?.built ? 'Update index' : 'Build index'}
      </button>
    </>
  );

  return (
    <Dialog title={`Retrieval index — ${connection.name}`} onClose={building ? cancel : props.onClose} footer={footer} testId="retrieval-dialog">
      <p className="field-hint retrieval-intro">A local index of tables, docs and past queries: the AI gets the tables that match each question instead of the whole schema.</p>
      {status.error && !s && <div className="alert alert-error" role="alert">{status.error.message}</div>}
      {!s && !status.error && <p className="field-hint">Loading the index status…</p>}
      {s && (
        <dl className="retrieval-status" data-testid="retrieval-status">
          <dt>Index</dt>
          <dd data-testid="retrieval-headline">{statusHeadline(s)}</dd>
          {s.built && (
            <>
              <dt>Chunks</dt>
              <dd data-testid="retrieval-chunks">{s.chunks.toLocaleString('en-US')}</dd>
              <dt>Embedder</dt>
              <dd>
                {describeEmbedder(s.embedder, providers.data ?? [])}
              </dd>
              <dt>Built</dt>
              <dd title={s.builtAt ?? undefined}>{formatBuiltAt(s.builtAt)}</dd>
            </>
          )}
          <dt>Examples</dt>
          <dd>{countWord(s.examples, 'accepted question → SQL pair')}</dd>
        </dl>
      )}

      <label className="retrieval-check">
        <input type="checkbox" checked={refreshSchema} disabled={busy} onChange={(e) => setRefreshSchema(e.target.checked)} />
        Refresh schema first <span className="field-hint">(read the tables again from the database)</span>
      </label>

      {(building || progress) && (
        <div className="retrieval-progress" data-testid="retrieval-progress">
          {/* No event yet (reading the schema, first batch): an indeterminate bar rather than a stuck 0 %. */}
          <progress max={100} value={progress ? progressPercent(progress) : undefined} aria-label="Build progress" />
          <span>{progressText(progress)}</span>
        </div>
      )}

      {notice && (
        <div className={`alert alert-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="retrieval-notice">
          {notice.text}
        </div>
      )}

      <section className="retrieval-section" aria-label="Options">
        <h3 className="retrieval-heading">Options</h3>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={samplesChoice ?? s?.valueSamples ?? false}
            disabled={!s || busy}
            onChange={(e) => {
              const on = e.target.checked;
              setSamplesChoice(on);
              saveOptions(
                { valueSamples: on },
                () => setNotice({ tone: 'info', text: on ? 'Value samples on: the next build adds them.' : 'Value samples off: the next build removes them.' }),
                () => setSamplesChoice(null),
              );
            }}
          />
          <span className="switch-track" aria-hidden="true" />
          Index value samples
        </label>
        <p className="field-hint retrieval-switch-hint">
          Distinct values of low-cardinality text columns (e.g. status = shipped) are stored locally in the index, and sent to an AI provider only if AI privacy allows sample values.
        </p>
        {s && (
          <EmbedderPicker
            key={JSON.stringify(s.embedderChoice)}
            choice={s.embedderChoice}
            providers={providers.data}
            disabled={busy}
            onApply={(embedder) => {
              if (!embedderChanged(embedder, s.embedderChoice)) return;
              // The index records its embedder and rebuilds everything on a new one: do it now, with progress.
              saveOptions({ embedder }, build);
            }}
          />
        )}
      </section>

      <SearchBox connectionId={connection.id} disabled={building} onError={(text) => setNotice({ tone: 'error', text })} />
    </Dialog>
  );
}
