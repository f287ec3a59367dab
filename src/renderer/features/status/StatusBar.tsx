/** The bottom status bar: link/mode, connection count, warnings, data folder, version. */
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract';
import type { LinkStatus } from '../../api/client';
import { FolderIcon, KeyIcon, WarningIcon } from '../../ui/icons';
import { connectionCountLabel, modeLabel, shortenPath } from './model';
import './status.css';

/** Status bar; `info` is undefined until app.info answered. */
export function StatusBar(props: {
  info: AppInfo | undefined;
  link: LinkStatus;
  connectionCount: number | undefined;
}): ReactNode {
  const { info, link } = props;
  const warnings = info?.warnings ?? [];
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span className={`status-item status-link link-${link}`}>
        <span className="status-dot" />
        {modeLabel(info?.mode, link)}
      </span>
      {props.connectionCount !== undefined && (
        <span className="status-item">{connectionCountLabel(props.connectionCount)}</span>
      )}
      {warnings.length > 0 && (
        <span className="status-item status-warn" title={warnings.join('\n')}>
          <WarningIcon size={12} /> {warnings.length} warning{warnings.length === 1 ? '' : 's'}
        </span>
      )}
      <span className="status-spacer" />
      {info?.secretBackend && (
        <span
          className="status-item"
          data-testid="secret-backend"
          title="Where connection passwords are kept"
        >
          <KeyIcon size={12} /> Secrets: {info.secretBackend}
        </span>
      )}
      {info && (
        <span className="status-item status-path" title={`Data folder: ${info.dataDir}`}>
          <FolderIcon size={12} /> {shortenPath(info.dataDir)}
        </span>
      )}
      {info && <span className="status-item">{`${info.name} ${info.version}`}</span>}
    </footer>
  );
}
