/** Banners above the main area: a lost web server, and app warnings (e.g. a moved-aside database). */
import { useState, type ReactNode } from 'react';
import type { LinkStatus } from '../../api/client';
import { CloseIcon, WarningIcon } from '../../ui/icons';
import { CONNECTION_LOST_MESSAGE } from '../../api/rpc';

/** Shows the link banner while disconnected and each warning until dismissed. */
export function Banners(props: { link: LinkStatus; warnings: readonly string[] }): ReactNode {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const warnings = props.warnings.filter((w) => !dismissed.has(w));
  return (
    <>
      {props.link === 'reconnecting' && (
        <div className="banner banner-error" role="alert">
          <WarningIcon size={14} />
          <span>{CONNECTION_LOST_MESSAGE} Trying to reconnect…</span>
        </div>
      )}
      {warnings.map((w) => (
        <div key={w} className="banner banner-warn" role="status" data-testid="app-warning">
          <WarningIcon size={14} />
          <span>{w}</span>
          <button
            type="button"
            className="banner-close"
            aria-label="Dismiss"
            onClick={() => setDismissed((d) => new Set(d).add(w))}
          >
            <CloseIcon size={12} />
          </button>
        </div>
      ))}
    </>
  );
}
