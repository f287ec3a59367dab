/**
 * "Describe with AI" on a table's docs page: the AI drafts descriptions of the table and its
 * columns (names, types, keys and comments are sent — no values unless AI privacy allows them);
 * the user reviews, edits and ticks them; only the accepted ones are saved.
 */
import { useState, type ReactNode } from 'react';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { acceptedEntries, draftLabel, initialDrafts, type DraftState } from './describeModel';

/** Props: the connection, the table's target, and a refresh after saving. */
export interface DescribeWithAiProps {
  connectionId: string;
  target: string;
  onSaved(): void;
}

/** The button, and the review panel once drafts arrive. */
export function DescribeWithAi(props: DescribeWithAiProps): ReactNode {
  const api = useApi();
  const [drafts, setDrafts] = useState<DraftState[] | null>(null);
  const [meta, setMeta] = useState<string>('');
  const [busy, setBusy] = useState<'drafting' | 'saving' | null>(null);
  const [requestId, setRequestId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const draft = (): void => {
    const id = crypto.randomUUID();
    setRequestId(id);
    setBusy('drafting');
    setMessage(null);
    api
      .call('ai.describe', { connectionId: props.connectionId, table: props.target, requestId: id })
      .then((d) => {
        setDrafts(initialDrafts(d.entries));
        setMeta(`${d.entries.length} draft${d.entries.length === 1 ? '' : 's'} from ${d.model}${d.dropped.length ? ` (${d.dropped.length} ignored: not in the schema)` : ''}`);
      }, (err: unknown) => setMessage({ tone: 'error', text: toAppError(err).message }))
      .finally(() => {
        setBusy(null);
        setRequestId(null);
      });
  };
  const save = (): void => {
    if (!drafts) return;
    const entries = acceptedEntries(drafts);
    if (!entries.length) return;
    setBusy('saving');
    api
      .call('ai.describe.accept', { connectionId: props.connectionId, entries })
      .then((r) => {
        setDrafts(null);
        setMessage({ tone: 'ok', text: `Saved ${r.saved} description${r.saved === 1 ? '' : 's'}.` });
        props.onSaved();
      }, (err: unknown) => setMessage({ tone: 'error', text: toAppError(err).message }))
      .finally(() => setBusy(null));
  };
  const update = (i: number, patch: Partial<DraftState>): void => setDrafts((ds) => ds && ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <div className="docs-describe" data-testid="docs-describe">
      <div className="docs-describe-bar">
        <button type="button" className="btn btn-small" disabled={busy !== null} onClick={draft}>
          {busy === 'drafting' ? 'Drafting…' : '✦ Describe with AI'}
        </button>
        {busy === 'drafting' && requestId && (
          <button type="button" className="btn btn-small" onClick={() => void api.call('ai.cancel', { requestId })}>
            Stop
          </button>
        )}
        {message && (
          <span className={message.tone === 'error' ? 'field-error' : 'docs-faint'} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.text}
          </span>
        )}
      </div>
      {drafts && (
        <div className="docs-describe-review">
          <p className="docs-faint">{meta} — review, edit and tick what to keep:</p>
          <ul>
            {drafts.map((d, i) => (
              <li key={d.target}>
                <label className="docs-describe-item">
                  <input type="checkbox" checked={d.keep} aria-label={`Keep the draft for ${draftLabel(d.target, props.target)}`} onChange={(e) => update(i, { keep: e.target.checked })} />
                  <span className="mono docs-describe-target">{draftLabel(d.target, props.target)}</span>
                </label>
                <textarea className="input docs-describe-text" aria-label={`Draft for ${draftLabel(d.target, props.target)}`} value={d.text} rows={2} onChange={(e) => update(i, { text: e.target.value })} />
                {d.existing !== null && <div className="docs-faint">Replaces: {d.existing}</div>}
              </li>
            ))}
          </ul>
          <div className="docs-describe-bar">
            <button type="button" className="btn btn-primary btn-small" disabled={busy !== null || acceptedEntries(drafts).length === 0} onClick={save}>
              Save {acceptedEntries(drafts).length} description{acceptedEntries(drafts).length === 1 ? '' : 's'}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setDrafts(null)}>
              Discard
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
