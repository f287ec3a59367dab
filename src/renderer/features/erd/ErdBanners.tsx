/**
 * The strips under the toolbar: a saved view's reconciliation (tables gone from the database,
 * listed and greyed; new related tables, with "add them"), load errors, and export notices.
 */
import type { ReactNode } from 'react';
import type { OpenedView } from './erdApi';
import { reconcileNotice } from './model';
import type { ErdPhase } from './useErdData';

/** The status line: progress while loading, counts when drawn. */
export function statusText(s: ErdPhase, hiddenLinks: number): string {
  switch (s.phase) {
    case 'graph':
      return 'Reading the schema…';
    case 'layout':
      return `Laying out ${s.tables.toLocaleString()} ${s.tables === 1 ? 'table' : 'tables'}…`;
    case 'error':
      return 'The diagram could not be drawn';
    case 'refining':
      return `${s.tables.toLocaleString()} tables · ${s.edges.toLocaleString()} foreign keys · arranging…`;
    case 'ready': {
      const hidden = hiddenLinks
        ? ` · ${hiddenLinks} ${hiddenLinks === 1 ? 'link' : 'links'} to tables not shown`
        : '';
      return `${s.tables.toLocaleString()} tables · ${s.edges.toLocaleString()} foreign keys${hidden}`;
    }
  }
}

/** Props of the banners. */
export interface ErdBannersProps {
  view: OpenedView | null;
  status: ErdPhase;
  notice: { text: string; tone: 'info' | 'error' } | null;
  onAddSuggested(): void;
  onDropMissing(): void;
  onRetry(): void;
  onDismiss(): void;
}

/** The banners (nothing when there is nothing to say). */
export function ErdBanners(props: ErdBannersProps): ReactNode {
  const { view, status, notice } = props;
  const words = view ? reconcileNotice(view.missing, view.suggested) : null;
  return (
    <>
      {status.phase === 'error' && (
        <div className="erd-banner is-error" role="alert">
          <span>{status.message}</span>
          <button type="button" className="btn btn-small" onClick={props.onRetry}>
            Retry
          </button>
        </div>
      )}
      {words?.suggested && (
        <div className="erd-banner is-info" data-testid="erd-suggested">
          <span title={view!.suggested.join(', ')}>{words.suggested}</span>
          <button
            type="button"
            className="btn btn-small btn-primary"
            onClick={props.onAddSuggested}
          >
            Add {view!.suggested.length === 1 ? 'it' : 'them'}
          </button>
        </div>
      )}
      {words?.missing && (
        <div className="erd-banner is-warn" data-testid="erd-missing">
          <span>{words.missing}:</span>
          <ul className="erd-missing-list">
            {view!.missing.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={props.onDropMissing}>
            Remove from view
          </button>
        </div>
      )}
      {notice && (
        <div
          className={`erd-banner ${notice.tone === 'error' ? 'is-error' : 'is-info'}`}
          data-testid="erd-notice"
          role="status"
        >
          <span>{notice.text}</span>
          <button type="button" className="link-button" onClick={props.onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
