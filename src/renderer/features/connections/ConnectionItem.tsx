/** One row of the connections sidebar. */
import type { CSSProperties, ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { LockIcon, MoreIcon } from '../../ui/icons';
import { EngineIcon } from './EngineBadge';
import { accentColor, environmentLabel } from './model';

/**
 * A connection: engine icon, name, target, environment tag, read-only lock. Click opens its tab;
 * right-click or the "⋯" button (shown on hover) opens its actions at the given point.
 */
export function ConnectionItem(props: {
  connection: ConnectionSummary;
  active: boolean;
  onOpen(c: ConnectionSummary): void;
  onActions(c: ConnectionSummary, x: number, y: number): void;
}): ReactNode {
  const { connection: c, active } = props;
  const accent = accentColor(c.color);
  const env = environmentLabel(c.environment);
  const style = accent ? ({ '--accent-conn': accent } as CSSProperties) : undefined;
  return (
    <li
      className="conn-row"
      onContextMenu={(e) => {
        e.preventDefault();
        props.onActions(c, e.clientX, e.clientY);
      }}
    >
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
      <button
        type="button"
        className="conn-more"
        aria-label={`Actions for ${c.name}`}
        title="Edit, duplicate, copy as URL, delete"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect();
          props.onActions(c, r.left, r.bottom + 2);
        }}
      >
        <MoreIcon size={14} />
      </button>
    </li>
  );
}
