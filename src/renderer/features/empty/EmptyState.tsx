/** What the main area shows with no tab open: a pointer to the demo database. */
import type { ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { DatabaseIcon, PlayIcon } from '../../ui/icons';
import './empty.css';

/** Empty state with an "Open the demo database" action when the demo exists. */
export function EmptyState(props: {
  demo: ConnectionSummary | undefined;
  onOpen(c: ConnectionSummary): void;
}): ReactNode {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-icon">
        <DatabaseIcon size={34} />
      </div>
      <h1>Start exploring</h1>
      {props.demo ? (
        <>
          <p>
            A sample database comes with QueryGenie: a small business with customers, products,
            orders and payments — tens of thousands of rows to query right away, with nothing to set
            up.
          </p>
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => props.demo && props.onOpen(props.demo)}
          >
            <PlayIcon size={12} /> Open the demo database
          </button>
          <p className="empty-hint">Or pick any connection in the sidebar.</p>
        </>
      ) : (
        <p>Pick a connection in the sidebar to open a query tab.</p>
      )}
    </div>
  );
}
