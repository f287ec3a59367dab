/** The folder tree of saved queries: folders collapse, each query shows its tags and description. */
import { useState, type ReactNode } from 'react';
import type { SavedQuery } from '../../../shared/history';
import { GroupIcon } from '../explorer/icons';
import { TreeRow } from '../explorer/TreeRow';
import { countQueries, type FolderNode } from './model';

/** Props: the tree and what clicks do. */
export interface SavedTreeProps {
  root: FolderNode;
  /** Search results show every folder open. */
  forceOpen: boolean;
  menuIcon: ReactNode;
  onOpen(q: SavedQuery): void;
  onMenu(q: SavedQuery, x: number, y: number): void;
  onTag(tag: string): void;
}

/** Folders (collapsible, open by default) and queries. */
export function SavedTree(props: SavedTreeProps): ReactNode {
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string) =>
    setClosed((c) => {
      const n = new Set(c);
      if (n.has(path)) n.delete(path);
      else n.add(path);
      return n;
    });

  const renderFolder = (f: FolderNode, depth: number): ReactNode => {
    const isOpen = props.forceOpen || !closed.has(f.path);
    return (
      <div role="group" key={`f:${f.path}`}>
        <TreeRow
          depth={depth}
          icon={<GroupIcon />}
          label={f.name}
          badge={countQueries(f)}
          expanded={isOpen}
          onToggle={() => toggle(f.path)}
          testId="saved-folder"
        />
        {isOpen && renderChildren(f, depth + 1)}
      </div>
    );
  };

  const renderChildren = (f: FolderNode, depth: number): ReactNode => (
    <>
      {f.folders.map((sub) => renderFolder(sub, depth))}
      {f.queries.map((q) => (
        <div
          key={q.id}
          role="treeitem"
          aria-level={depth + 1}
          aria-selected={false}
          tabIndex={0}
          className="saved-item"
          style={{ paddingLeft: 10 + depth * 14 }}
          data-testid="saved-item"
          title={q.sql}
          onClick={() => props.onOpen(q)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.target === e.currentTarget) props.onOpen(q);
          }}
          onContextMenu={(e) => {
            e.preventDefault();
            props.onMenu(q, e.clientX, e.clientY);
          }}
        >
          <div className="saved-line">
            <span className="saved-name">{q.name}</span>
            <span
              className="saved-version"
              title={`${q.version} version${q.version === 1 ? '' : 's'}`}
            >
              v{q.version}
            </span>
            <button
              type="button"
              className="icon-button saved-more"
              aria-label={`Actions for ${q.name}`}
              onClick={(e) => {
                e.stopPropagation();
                const r = e.currentTarget.getBoundingClientRect();
                props.onMenu(q, r.left, r.bottom + 2);
              }}
            >
              {props.menuIcon}
            </button>
          </div>
          {q.description && <div className="saved-desc">{q.description}</div>}
          {q.tags.length > 0 && (
            <div className="saved-tags">
              {q.tags.map((t) => (
                <button
                  type="button"
                  key={t}
                  className="tag-chip"
                  title={`Show queries tagged ${t}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    props.onTag(t);
                  }}
                >
                  #{t}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </>
  );

  return <>{renderChildren(props.root, 0)}</>;
}
