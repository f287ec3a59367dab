/** One row of a tree: indentation, chevron, icon, label, a faint detail and a badge. */
import type { MouseEvent, ReactNode } from 'react';
import { ChevronIcon } from './icons';

/** Props of a tree row; `expanded` undefined means a leaf. */
export interface TreeRowProps {
  depth: number;
  label: ReactNode;
  icon?: ReactNode;
  detail?: ReactNode;
  badge?: ReactNode;
  expanded?: boolean;
  loading?: boolean;
  title?: string;
  testId?: string;
  className?: string;
  onToggle?(): void;
  onActivate?(): void;
  onContextMenu?(x: number, y: number): void;
  /** Buttons shown at the end of the row on hover. */
  actions?: ReactNode;
}

/** A tree item, keyboard-operable (Enter toggles, arrows via the browser's focus order). */
export function TreeRow(props: TreeRowProps): ReactNode {
  const leaf = props.expanded === undefined;
  const onContext = (e: MouseEvent) => {
    if (!props.onContextMenu) return;
    e.preventDefault();
    props.onContextMenu(e.clientX, e.clientY);
  };
  return (
    <div
      role="treeitem"
      aria-level={props.depth + 1}
      aria-expanded={leaf ? undefined : props.expanded}
      aria-selected={false}
      tabIndex={0}
      className={`tree-row${props.className ? ` ${props.className}` : ''}`}
      style={{ paddingLeft: 6 + props.depth * 14 }}
      title={props.title}
      data-testid={props.testId}
      onClick={() => props.onToggle?.()}
      onDoubleClick={() => props.onActivate?.()}
      onContextMenu={onContext}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') (props.onActivate ?? props.onToggle)?.();
        else if (e.key === 'ArrowRight' && props.expanded === false) props.onToggle?.();
        else if (e.key === 'ArrowLeft' && props.expanded === true) props.onToggle?.();
        else if (e.key === 'ContextMenu' && props.onContextMenu) {
          const r = e.currentTarget.getBoundingClientRect();
          props.onContextMenu(r.left + 24, r.bottom);
        } else return;
        e.preventDefault();
      }}
    >
      <span className={`tree-twisty${leaf ? ' is-leaf' : ''}${props.expanded ? ' is-open' : ''}`}>
        {!leaf && <ChevronIcon size={12} />}
      </span>
      {props.icon && <span className="tree-icon">{props.icon}</span>}
      <span className="tree-label">{props.label}</span>
      {props.detail !== undefined && <span className="tree-detail">{props.detail}</span>}
      {props.loading && <span className="tree-spinner" aria-label="Loading" />}
      {props.badge !== undefined && <span className="tree-badge">{props.badge}</span>}
      {props.actions && (
        <span className="tree-actions" onClick={(e) => e.stopPropagation()}>
          {props.actions}
        </span>
      )}
    </div>
  );
}
