/**
 * Save as / edit a saved query: name, folder, tags, description, SQL and an optional note for the
 * version. Saving an existing query adds a version; nothing is overwritten.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import type { SavedQuery } from '../../../shared/history';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { parseTags } from './model';
import { saveQuery } from './saveQuery';

/** Props: what to prefill; `existing` makes the save a new version of that query. */
export interface SaveQueryDialogProps {
  existing?: SavedQuery | null;
  sql: string;
  connectionId?: string | null;
  connections?: ConnectionSummary[];
  folders?: string[];
  /** Show an SQL text area (the Saved panel); the editor passes its own text instead. */
  editSql?: boolean;
  onSaved(saved: SavedQuery): void;
  onClose(): void;
}

/** The save dialog. */
export function SaveQueryDialog(props: SaveQueryDialogProps): ReactNode {
  const api = useApi();
  const ex = props.existing ?? null;
  const [name, setName] = useState(ex?.name ?? '');
  const [folder, setFolder] = useState(ex?.folder ?? '');
  const [tags, setTags] = useState(ex?.tags.join(', ') ?? '');
  const [description, setDescription] = useState(ex?.description ?? '');
  const [sql, setSql] = useState(props.sql);
  const [connectionId, setConnectionId] = useState(props.connectionId ?? ex?.connectionId ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const listId = useId();

  const submit = () => {
    if (!name.trim()) return setError('Give the query a name.');
    setBusy(true);
    saveQuery(api, {
      ...(ex ? { id: ex.id } : {}),
      name: name.trim(),
      folder,
      tags: parseTags(tags),
      description,
      sql,
      connectionId: connectionId || null,
      ...(note.trim() ? { note: note.trim() } : {}),
    }).then(
      (saved) => props.onSaved(saved),
      (err: unknown) => {
        setBusy(false);
        setError(toAppError(err).message);
      },
    );
  };

  return (
    <Dialog
      title={ex ? `Save “${ex.name}” as version ${ex.version + 1}` : 'Save query'}
      size="large"
      testId="save-query-dialog"
      onClose={props.onClose}
      footer={
        <>
          {error && (
            <span className="field-error" role="alert">
              {error}
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={submit} disabled={busy}>
            {ex ? 'Save new version' : 'Save'}
          </button>
        </>
      }
    >
      <form
        className="saved-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
              placeholder="Top customers by revenue"
            />
          )}
        </Field>
        <Field label="Folder" hint="A path such as reports/monthly">
          {(id) => (
            <>
              <input
                id={id}
                className="input"
                value={folder}
                onChange={(e) => setFolder(e.target.value)}
                list={listId}
                placeholder="(top level)"
              />
              <datalist id={listId}>
                {props.folders?.map((f) => (
                  <option key={f} value={f} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label="Tags" hint="Separated by commas or spaces">
          {(id) => (
            <input
              id={id}
              className="input"
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              placeholder="finance, monthly"
            />
          )}
        </Field>
        {props.connections && (
          <Field label="Connection">
            {(id) => (
              <select
                id={id}
                className="select"
                value={connectionId}
                onChange={(e) => setConnectionId(e.target.value)}
              >
                <option value="">(any)</option>
                {props.connections?.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label="Description" className="is-wide">
          {(id) => (
            <textarea
              id={id}
              className="input saved-textarea"
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              placeholder="What this query answers"
            />
          )}
        </Field>
        {props.editSql && (
          <Field label="SQL" className="is-wide">
            {(id) => (
              <textarea
                id={id}
                className="input input-mono saved-sql"
                rows={8}
                value={sql}
                onChange={(e) => setSql(e.target.value)}
                spellCheck={false}
              />
            )}
          </Field>
        )}
        {ex && (
          <Field label="Version note" className="is-wide">
            {(id) => (
              <input
                id={id}
                className="input"
                value={note}
                onChange={(e) => setNote(e.target.value)}
                placeholder="What changed (optional)"
              />
            )}
          </Field>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
