/** "Try a search": the tables the index ranks for a question — what the AI would be shown first. */
import { useState, type ReactNode } from 'react';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { scoreCells } from './model';

/** Props: the connection, and whether a build is running (searching then waits for it). */
export function SearchBox(props: { connectionId: string; disabled: boolean; onError(message: string): void }): ReactNode {
  const api = useApi();
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const [hits, setHits] = useState<Array<{ table: string; score: number }> | null>(null);
  const cells = scoreCells(hits?.map((h) => h.score) ?? []);

  const search = (): void => {
    if (!question.trim()) return;
    setBusy(true);
    api
      .call('retrieval.search', { connectionId: props.connectionId, question: question.trim(), k: 10 })
      .then(setHits, (err: unknown) => {
        setHits(null);
        props.onError(toAppError(err).message);
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="retrieval-section" aria-label="Try a search">
      <h3 className="retrieval-heading">Try a search</h3>
      <form
        className="retrieval-search"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <input
          className="input"
          aria-label="Question"
          placeholder="e.g. which supplier ships a product"
          maxLength={10_000}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" className="btn" disabled={busy || props.disabled || !question.trim()}>
          {busy ? 'Searching…' : 'Search'}
        </button>
      </form>
      {hits && (
        <ol className="retrieval-hits" data-testid="retrieval-results" aria-label="Ranked tables">
          {hits.length === 0 && <li className="field-hint">No table matched.</li>}
          {hits.map((h, i) => (
            <li key={h.table}>
              <span className="retrieval-hit-table">{h.table}</span>
              <span className="retrieval-hit-bar" aria-hidden="true">
                <span style={{ width: `${cells[i]?.width ?? 0}%` }} />
              </span>
              <span className="retrieval-hit-score" title="Fused vector + keyword score">
                {cells[i]?.text}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
