/**
 * "Write comments to database": shows the DDL that would store the descriptions as database
 * comments (nothing runs), and runs it only after the user confirms — twice on a prod connection.
 */
import { useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import type { CommentApplyResult } from '../../../shared/docs';
import { toAppError } from '../../../shared/errors';
import { useApi, useRequest } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';

/** The dialog. */
export function CommentsDialog(props: { connection: ConnectionSummary; onClose(): void; onApplied(): void }): ReactNode {
  const api = useApi();
  const connectionId = props.connection.id;
  const preview = useRequest('docs.comments.preview', { connectionId });
  const [busy, setBusy] = useState(false);
  const [prodOk, setProdOk] = useState(false);
  const [result, setResult] = useState<CommentApplyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const prod = props.connection.environment === 'prod';
  const statements = preview.data?.statements ?? [];
  const blocked = props.connection.readOnly;

  const apply = (): void => {
    setBusy(true);
    setError(null);
    api.call('docs.comments.apply', { connectionId, confirmed: prod ? prodOk : true }).then(
      (r) => {
        setResult(r);
        props.onApplied();
      },
      (err: unknown) => setError(toAppError(err).message),
    ).finally(() => setBusy(false));
  };

  const footer = result ? (
    <button type="button" className="btn btn-primary" onClick={props.onClose}>Close</button>
  ) : (
    <>
      <button type="button" className="btn" onClick={props.onClose}>Cancel</button>
      <button type="button" className={`btn ${prod ? 'btn-danger' : 'btn-primary'}`} disabled={busy || statements.length === 0 || blocked || (prod && !prodOk)} onClick={apply}>
        {busy ? 'Writing…' : `Run ${statements.length} statement${statements.length === 1 ? '' : 's'}`}
      </button>
    </>
  );

  return (
    <Dialog title="Write descriptions to the database as comments" onClose={props.onClose} footer={footer} size="large" tone={prod ? 'danger' : undefined} testId="docs-comments-dialog">
      {preview.loading && <p className="docs-faint">Preparing the statements…</p>}
      {preview.error && <p className="docs-error" role="alert">{preview.error.message}</p>}
      {preview.data && !preview.data.supported && <p className="docs-warn">{preview.data.reason ?? 'This database has no comments.'}</p>}
      {preview.data?.supported && !result && (
        <>
          <p>These statements would run on <strong>{props.connection.name}</strong>. Nothing has run yet; review them first.</p>
          {blocked && <p className="docs-warn">This connection is read-only: comments cannot be written.</p>}
          {statements.length === 0 ? <p className="docs-faint">Nothing to write: every description already matches its database comment.</p> : <pre className="docs-ddl docs-ddl-scroll" data-testid="docs-comments-ddl">{statements.map((s) => s.sql).join('\n')}</pre>}
          {preview.data.skipped.length > 0 && (
            <details><summary>{preview.data.skipped.length} not written</summary><ul className="docs-lint-list">{preview.data.skipped.map((s) => <li key={s.target}><span className="mono">{s.target}</span> — {s.reason}</li>)}</ul></details>
          )}
          {prod && statements.length > 0 && (
            <label className="docs-confirm"><input type="checkbox" checked={prodOk} onChange={(e) => setProdOk(e.target.checked)} /> This is a <strong>prod</strong> connection. I reviewed the statements and want to run them.</label>
          )}
        </>
      )}
      {result && <p className="docs-ok" role="status">Wrote {result.applied} comment{result.applied === 1 ? '' : 's'}; the schema was re-read.</p>}
      {error && <p className="docs-error" role="alert">{error}</p>}
    </Dialog>
  );
}
