/** One row of the connections sidebar. */
import type { CSSProperties, ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { LockIcon } from '../../ui/icons';
import { EngineIcon } from './EngineBadge';
import { accentColor, environmentLabel } from './model';

/** A connection: engine icon, name, target, environment tag, read-only lock. Click opens its tab. */
export function ConnectionItem(props: {
  connection: ConnectionSummary;
  active: boolean;
  onOpen(c: ConnectionSummary): void;
}): ReactNode {
  const { connection: c, active } = props;
  const accent = accentColor(c.color);
  const env = environmentLabel(c.environment);
  const style = accent ? ({ '--accent-conn': accent } as CSSProperties) : undefined;
  return (
    <li>
      <button
        type="button"
        className={`conn-item${active ? ' is-active' : ''}${accent ? ' has-accent' : ''}`}
        style={style}
        onClick={() => props.onOpen(c)}
        title={c.target}
        data-testid="connection-item"
        aria-current={active ? 'true' : undefined}
      >
        <EngineIcon engine={c.engine} />
        <span className="conn-text">
          <span className="conn-line">
            <span className="conn-name">{c.name}</span>
            {c.readOnly && (
              <span
                className="conn-lock"
                title="Read-only: writes are refused"
                aria-label="Read-only"
              >
                <LockIcon size={11} />
              </span>
            )}
          </span>
          <span className="conn-target">{c.target}</span>
        </span>
        {env && <span className={`env-tag env-${c.environment}`}>{env}</span>}
      </button>
    </li>
  );
}
