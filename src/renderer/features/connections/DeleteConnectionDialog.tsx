/** "Delete this connection?" — deleting also removes its saved password from the secret store. */
import { useState, type ReactNode } from 'react';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';

/** Confirms, then deletes the profile and its secrets. */
export function DeleteConnectionDialog(props: {
  connection: { id: string; name: string };
  onClose(): void;
  onDeleted(id: string): void;
}): ReactNode {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = () => {
    setBusy(true);
    api.call('connections.delete', { connectionId: props.connection.id }).then(
      () => props.onDeleted(props.connection.id),
      (err: unknown) => {
        const e = toAppError(err);
        setError(`${e.code}: ${e.message}`);
        setBusy(false);
      },
    );
  };
  return (
    <Dialog
      title={`Delete “${props.connection.name}”?`}
      size="small"
      onClose={props.onClose}
      testId="delete-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={props.onClose} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={busy} onClick={remove}>
            Delete
          </button>
        </>
      }
    >
      <p>The profile and its saved password are removed. Open tabs on it are closed.</p>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
    </Dialog>
  );
}
