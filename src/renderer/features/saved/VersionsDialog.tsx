/** A saved query's versions: pick one, compare it with any other (side by side), restore it. */
import { useEffect, useState, type ReactNode } from 'react';
import { toAppError } from '../../../shared/errors';
import type { SavedQuery, SavedQueryDiff, SavedQueryVersion } from '../../../shared/history';
import { useApi } from '../../api/hooks';
import { openInEditor } from '../../app/openInEditor';
import { Dialog } from '../../ui/Dialog';
import { formatWhen } from '../history/model';
import { DiffView } from './DiffView';
import { notifySavedChanged } from './saveQuery';

/** The versions dialog. */
export function VersionsDialog(props: { query: SavedQuery; onClose(): void }): ReactNode {
  const api = useApi();
  const [query, setQuery] = useState(props.query);
  const [versions, setVersions] = useState<SavedQueryVersion[]>([]);
  const [selected, setSelected] = useState(props.query.version);
  const [against, setAgainst] = useState(Math.max(1, props.query.version - 1));
  const [diff, setDiff] = useState<SavedQueryDiff>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    api
      .call('saved.versions', { id: query.id })
      .then(setVersions, (e: unknown) => setError(toAppError(e).message));
  }, [api, query.id, query.version]);

  useEffect(() => {
    let live = true;
    api.call('saved.diff', { id: query.id, from: against, to: selected }).then(
      (d) => live && setDiff(d),
      (e: unknown) => live && setError(toAppError(e).message),
    );
    return () => {
      live = false;
    };
  }, [api, query.id, against, selected]);

  const pick = (v: number) => {
    setSelected(v);
    setAgainst(v > 1 ? v - 1 : Math.min(2, query.version));
  };
  const current = versions.find((v) => v.version === selected);

  const restore = () => {
    api.call('saved.restore', { id: query.id, version: selected }).then(
      (q) => {
        notifySavedChanged(q);
        setQuery(q);
        setSelected(q.version);
        setAgainst(selected);
      },
      (e: unknown) => setError(toAppError(e).message),
    );
  };

  return (
    <Dialog
      title={`Versions — ${query.name}`}
      size="large"
      testId="versions-dialog"
      onClose={props.onClose}
      footer={
        <>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
          <span className="spacer" />
          <button
            type="button"
            className="btn"
            disabled={!current}
            onClick={() =>
              current &&
              openInEditor({
                connectionId: query.connectionId ?? '',
                sql: current.sql,
                title: `${query.name} v${current.version}`,
                savedQueryId: query.id,
              })
            }
          >
            Open version {selected} in editor
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={selected === query.version}
            onClick={restore}
            title="Saves a new version equal to this one"
          >
            Restore version {selected}
          </button>
        </>
      }
    >
      <div className="versions-layout">
        <ol className="versions-list" aria-label="Versions">
          {versions.map((v) => (
            <li key={v.version}>
              <button
                type="button"
                className={`version-item${v.version === selected ? ' is-selected' : ''}`}
                onClick={() => pick(v.version)}
                data-testid="version-item"
                aria-current={v.version === selected ? 'true' : undefined}
              >
                <span className="version-no">
                  v{v.version}
                  {v.version === query.version && <span className="version-latest">latest</span>}
                </span>
                <span className="version-when">{formatWhen(v.createdAt)}</span>
                {v.note && <span className="version-note">{v.note}</span>}
              </button>
            </li>
          ))}
        </ol>
        <div className="versions-main">
          <div className="versions-compare">
            <label>
              Compare v{selected} with{' '}
              <select
                className="select"
                value={against}
                onChange={(e) => setAgainst(Number(e.target.value))}
                aria-label="Compare with version"
              >
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    v{v.version}
                  </option>
                ))}
              </select>
            </label>
            {diff && (
              <span className="diff-stat">
                <span className="is-add">+{diff.added}</span>{' '}
                <span className="is-remove">−{diff.removed}</span>
              </span>
            )}
          </div>
          {diff && (
            <DiffView
              patch={diff.patch}
              fromLabel={`Version ${diff.from}`}
              toLabel={`Version ${diff.to}`}
            />
          )}
        </div>
      </div>
    </Dialog>
  );
}
