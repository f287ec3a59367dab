/** "Run anyway?" — lists why main wants confirmation (destructive or prod writes) and the SQL. */
import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import { WarningIcon } from '../../ui/icons';
import { confirmationTitle, formatReason, sqlPreview, type ConfirmationRequest } from './confirm';

/** The confirmation dialog; Cancel runs nothing, "Run anyway" re-runs confirmed. */
export function ConfirmRunDialog(props: {
  request: ConfirmationRequest;
  connectionName: string;
  prod: boolean;
  onConfirm(): void;
  onCancel(): void;
}): ReactNode {
  const { items, message } = props.request;
  return (
    <Dialog
      title={confirmationTitle(Math.max(1, items.length), props.prod)}
      size="medium"
      tone="danger"
      onClose={props.onCancel}
      testId="confirm-run-dialog"
      footer={
        <>
          <span className="confirm-target">
            {props.prod && <span className="prod-badge">PROD</span>}
            {props.connectionName}
          </span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={props.onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={props.onConfirm}>
            Run anyway
          </button>
        </>
      }
    >
      <p className="confirm-lead">
        <WarningIcon size={16} />
        <span>Nothing has run yet. Check what this script does before you go on.</span>
      </p>
      {items.length === 0 ? (
        <p>{message}</p>
      ) : (
        <ol className="confirm-list">
          {items.map((item) => (
            <li key={item.index}>
              <span className="confirm-reason">{formatReason(item)}</span>
              {item.sql && <pre className="confirm-sql">{sqlPreview(item.sql)}</pre>}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
