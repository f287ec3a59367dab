/** Asks for the name of a saved view (an existing name replaces that view). */
import { useState, type ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';

/** Props: the suggested name, the names taken (to say "replaces"), and the callbacks. */
export interface SaveViewDialogProps {
  initialName: string;
  existing: readonly string[];
  tableCount: number;
  busy: boolean;
  error: string | null;
  onSave(name: string): void;
  onClose(): void;
}

/** The "Save view" dialog. */
export function SaveViewDialog(props: SaveViewDialogProps): ReactNode {
  const [name, setName] = useState(props.initialName);
  const trimmed = name.trim();
  const replaces = props.existing.includes(trimmed);
  return (
    <Dialog
      title="Save diagram view"
      size="small"
      testId="erd-save-dialog"
      onClose={props.onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!trimmed || props.busy}
            onClick={() => props.onSave(trimmed)}
          >
            {replaces ? 'Replace' : 'Save'}
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed && !props.busy) props.onSave(trimmed);
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input
            autoFocus
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            aria-label="View name"
          />
        </label>
        <p className="field-hint">
          {props.tableCount} tables with their current positions.
          {replaces ? ' A view with this name exists and will be replaced.' : ''}
        </p>
        {props.error && (
          <p className="field-error" role="alert">
            {props.error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
