/** The window's top bar: brand and the active connection. Draggable in Electron. */
import type { ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { LogoMark } from '../../ui/icons';
import { EngineBadge } from '../connections/EngineBadge';
import { environmentLabel } from '../connections/model';

/** Brand on the left, the active connection in the middle. */
export function TitleBar({ active }: { active: ConnectionSummary | undefined }): ReactNode {
  const env = active ? environmentLabel(active.environment) : null;
  return (
    <header className="titlebar">
      <span className="brand">
        <LogoMark size={18} />
        <span className="brand-name">QueryGenie</span>
      </span>
      <span className="titlebar-center">
        {active ? (
          <>
            <EngineBadge engine={active.engine} />
            <span className="titlebar-conn">{active.name}</span>
            {env && <span className={`env-tag env-${active.environment}`}>{env}</span>}
          </>
        ) : (
          <span className="titlebar-muted">No connection open</span>
        )}
      </span>
      <span className="titlebar-right" />
    </header>
  );
}
