/** Shows a table's DDL (rebuilt from the snapshot) with Copy and Open in editor. */
import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';

/** The DDL dialog. */
export function DdlDialog(props: {
  title: string;
  ddl: string;
  onCopy(): void;
  onOpen(): void;
  onClose(): void;
}): ReactNode {
  return (
    <Dialog
      title={props.title}
      size="large"
      testId="ddl-dialog"
      onClose={props.onClose}
      footer={
        <>
          <span className="ddl-note">Rebuilt from the schema snapshot.</span>
          <button type="button" className="btn" onClick={props.onCopy}>
            Copy
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onOpen}>
            Open in editor
          </button>
        </>
      }
    >
      <pre className="ddl-text" data-testid="ddl-text">
        {props.ddl}
      </pre>
    </Dialog>
  );
}
