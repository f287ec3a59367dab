/** The Saved queries panel: a searchable folder tree with tags and descriptions, versions and diff. */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import type { SavedQuery } from '../../../shared/history';
import { useApi } from '../../api/hooks';
import { openInEditor } from '../../app/openInEditor';
import { Dialog } from '../../ui/Dialog';
import { MoreIcon, PlusIcon } from '../../ui/icons';
import { SearchField } from '../../ui/SearchField';
import { Menu, type MenuItem } from '../../ui/Menu';
import '../explorer/explorer.css';
import { SavedTree } from './SavedTree';
import { SaveQueryDialog } from './SaveQueryDialog';
import { VersionsDialog } from './VersionsDialog';
import { buildFolderTree, folderPaths } from './model';
import { onSavedChanged } from './saveQuery';
import './saved.css';

type Open =
  | { kind: 'new' }
  | { kind: 'edit'; query: SavedQuery }
  | { kind: 'versions'; query: SavedQuery }
  | { kind: 'delete'; query: SavedQuery }
  | null;

/** Props: the connections (for the save dialog) and whether the panel is shown. */
export interface SavedPaneProps {
  connections: ConnectionSummary[] | undefined;
  active: boolean;
  /** The connection of the active tab, preselected when saving from scratch. */
  activeConnectionId?: string;
}

/** The Saved panel of the sidebar. */
export function SavedPane(props: SavedPaneProps): ReactNode {
  const api = useApi();
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [queries, setQueries] = useState<SavedQuery[]>([]);
  const [allFolders, setAllFolders] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [open, setOpen] = useState<Open>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null);
  const [generation, setGeneration] = useState(0);
  const closeMenu = useCallback(() => setMenu(null), []);

  useEffect(() => onSavedChanged(() => setGeneration((g) => g + 1)), []);
  useEffect(() => {
    if (!props.active) return;
    let live = true;
    const t = setTimeout(
      () => {
        api
          .call('saved.list', {
            ...(search.trim() ? { query: search } : {}),
            ...(tag ? { tag } : {}),
          })
          .then(
            (list) => {
              if (!live) return;
              setQueries(list);
              setError(undefined);
              if (!search.trim() && !tag) setAllFolders(folderPaths(list));
            },
            (e: unknown) => live && setError(toAppError(e).message),
          );
      },
      search ? 180 : 0,
    );
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, props.active, search, tag, generation]);

  const tree = useMemo(() => buildFolderTree(queries), [queries]);
  const openQuery = (q: SavedQuery, run = false) =>
    openInEditor({
      connectionId: q.connectionId ?? props.activeConnectionId ?? '',
      sql: q.sql,
      run,
      title: q.name,
      savedQueryId: q.id,
    });

  const menuFor = (q: SavedQuery, x: number, y: number) =>
    setMenu({
      x,
      y,
      items: [
        { label: 'Open in a tab', onSelect: () => openQuery(q) },
        { label: 'Run', onSelect: () => openQuery(q, true) },
        { label: 'Versions and diff…', onSelect: () => setOpen({ kind: 'versions', query: q }) },
        { label: 'Edit (new version)…', onSelect: () => setOpen({ kind: 'edit', query: q }) },
        { label: 'Delete…', danger: true, onSelect: () => setOpen({ kind: 'delete', query: q }) },
      ],
    });

  return (
    <section className="sidebar saved" aria-label="Saved queries">
      <div className="sidebar-header">
        <span className="sidebar-title">Saved queries</span>
        <span className="sidebar-count">{queries.length}</span>
        <span className="sidebar-spacer" />
        <button
          type="button"
          className="icon-button"
          aria-label="New saved query"
          title="New saved query"
          onClick={() => setOpen({ kind: 'new' })}
        >
          <PlusIcon size={14} />
        </button>
      </div>
      <SearchField label="Search saved queries" placeholder="Search name, SQL, tags" value={search} onChange={setSearch} />
      {tag && (
        <div className="saved-tag-filter">
          Tag <span className="tag-chip">#{tag}</span>
          <button type="button" className="link-button" onClick={() => setTag('')}>
            clear
          </button>
        </div>
      )}
      {error && (
        <p className="sidebar-note is-error" role="alert">
          {error}
        </p>
      )}
      <div className="tree" role="tree" aria-label="Saved queries" data-testid="saved-tree">
        <SavedTree
          root={tree}
          forceOpen={search.trim().length > 0 || tag.length > 0}
          onOpen={(q) => openQuery(q)}
          onMenu={menuFor}
          onTag={setTag}
          menuIcon={<MoreIcon size={13} />}
        />
      </div>
      {queries.length === 0 && !error && (
        <p className="sidebar-note">
          {search || tag
            ? 'No saved query matches.'
            : 'Save a query from the editor (Ctrl+S) or with +.'}
        </p>
      )}
      {menu && (
        <Menu x={menu.x} y={menu.y} items={menu.items} label="Saved query" onClose={closeMenu} />
      )}
      {open?.kind === 'new' && (
        <SaveQueryDialog
          sql=""
          editSql
          connections={props.connections}
          connectionId={props.activeConnectionId ?? null}
          folders={allFolders}
          onClose={() => setOpen(null)}
          onSaved={() => setOpen(null)}
        />
      )}
      {open?.kind === 'edit' && (
        <SaveQueryDialog
          existing={open.query}
          sql={open.query.sql}
          editSql
          connections={props.connections}
          folders={allFolders}
          onClose={() => setOpen(null)}
          onSaved={() => setOpen(null)}
        />
      )}
      {open?.kind === 'versions' && (
        <VersionsDialog query={open.query} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'delete' && (
        <Dialog
          title="Delete saved query?"
          size="small"
          tone="danger"
          onClose={() => setOpen(null)}
          footer={
            <>
              <span className="spacer" />
              <button type="button" className="btn" onClick={() => setOpen(null)}>
                Cancel
              </button>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  const id = open.query.id;
                  setOpen(null);
                  api.call('saved.delete', { id }).then(
                    () => setGeneration((g) => g + 1),
                    (e: unknown) => setError(toAppError(e).message),
                  );
                }}
              >
                Delete
              </button>
            </>
          }
        >
          <p>
            “{open.query.name}” and all {open.query.version} of its versions will be deleted.
          </p>
        </Dialog>
      )}
    </section>
  );
}
