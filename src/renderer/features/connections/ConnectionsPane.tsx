/**
 * The sidebar plus everything it opens: the connection dialog, the per-connection actions menu
 * (edit, duplicate, copy as URL, delete), the delete confirmation and import/export.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { openView } from '../../app/openView';
import { Menu, type MenuItem } from '../../ui/Menu';
import { ConnectionDialog } from './ConnectionDialog';
import { ConnectionsSidebar, type ConnectionsSidebarProps } from './ConnectionsSidebar';
import { DeleteConnectionDialog } from './DeleteConnectionDialog';
import { ExportDialog, ImportDialog } from './TransferDialogs';
import { MockDialog } from '../mock/MockDialog';
import { RetrievalDialog } from '../retrieval/RetrievalDialog';
import { registerCommands } from '../palette/commands';

type Open =
  | { kind: 'edit'; id?: string }
  | { kind: 'delete'; connection: { id: string; name: string } }
  | { kind: 'export' }
  | { kind: 'import' }
  | { kind: 'mock'; connection: ConnectionSummary }
  | { kind: 'retrieval'; connection: ConnectionSummary }
  | null;

type MenuAt = { x: number; y: number; items: MenuItem[]; label: string } | null;

/** Props: the sidebar's, plus reloading the list and closing tabs of a deleted connection. */
export interface ConnectionsPaneProps extends Omit<
  ConnectionsSidebarProps,
  'onNew' | 'onActions' | 'onListMenu' | 'toast'
> {
  secretBackend: string | undefined;
  reload(): void;
  onDeleted(id: string): void;
}

/** Sidebar with its dialogs and menus. */
export function ConnectionsPane(props: ConnectionsPaneProps): ReactNode {
  const api = useApi();
  const [open, setOpen] = useState<Open>(null);
  const [menu, setMenu] = useState<MenuAt>(null);
  const [toast, setToast] = useState<string | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reload, onDeleted } = props;

  const say = useCallback((text: string) => {
    setToast(text);
    clearTimeout(toastTimer.current);
    toastTimer.current = setTimeout(() => setToast(null), 3000);
  }, []);
  useEffect(() => () => clearTimeout(toastTimer.current), []);
  // The palette's "Generate mock data…" acts on the connection of the active tab.
  const activeConnection = props.connections?.find((c) => c.id === props.activeConnectionId);
  useEffect(() => {
    if (!activeConnection) return;
    return registerCommands('connections.mock', [
      { id: 'mock.open', title: `Generate mock data… (${activeConnection.name})`, group: 'Edit', run: () => setOpen({ kind: 'mock', connection: activeConnection }) },
      { id: 'retrieval.open', title: `Retrieval index… (${activeConnection.name})`, group: 'Edit', run: () => setOpen({ kind: 'retrieval', connection: activeConnection }) },
    ]);
  }, [activeConnection]);
  const closeMenu = useCallback(() => setMenu(null), []);
  const close = useCallback(() => setOpen(null), []);

  const fail = (err: unknown) => {
    const e = toAppError(err);
    say(`${e.code}: ${e.message}`);
  };

  const actions = (c: ConnectionSummary): MenuItem[] => [
    { label: 'Edit…', onSelect: () => setOpen({ kind: 'edit', id: c.id }) },
    {
      label: 'Duplicate',
      onSelect: () =>
        api.call('connections.duplicate', { connectionId: c.id }).then((copy) => {
          reload();
          setOpen({ kind: 'edit', id: copy.id });
        }, fail),
    },
    {
      label: 'Copy as URL',
      onSelect: () =>
        api
          .call('connections.get', { connectionId: c.id })
          .then((d) =>
            navigator.clipboard.writeText(d.url).then(
              () => say('Copied'),
              () => say(d.url),
            ),
          )
          .catch(fail),
    },
    { label: 'ER diagram', onSelect: () => openView({ view: 'erd', connectionId: c.id }) },
    { label: 'Documentation', onSelect: () => openView({ view: 'docs', connectionId: c.id }) },
    { label: 'Generate mock data…', onSelect: () => setOpen({ kind: 'mock', connection: c }) },
    { label: 'Retrieval index…', onSelect: () => setOpen({ kind: 'retrieval', connection: c }) },
    { label: 'Delete…', danger: true, onSelect: () => setOpen({ kind: 'delete', connection: c }) },
  ];

  return (
    <>
      <ConnectionsSidebar
        {...props}
        toast={toast}
        onNew={() => setOpen({ kind: 'edit' })}
        onActions={(c, x, y) =>
          setMenu({ x, y, items: actions(c), label: `Actions for ${c.name}` })
        }
        onListMenu={(x, y) =>
          setMenu({
            x,
            y,
            label: 'Import or export',
            items: [
              { label: 'Import connections…', onSelect: () => setOpen({ kind: 'import' }) },
              { label: 'Export connections…', onSelect: () => setOpen({ kind: 'export' }) },
            ],
          })
        }
      />
      {menu && <Menu {...menu} onClose={closeMenu} />}
      {open?.kind === 'edit' && (
        <ConnectionDialog
          key={open.id ?? 'new'}
          connectionId={open.id}
          secretBackend={props.secretBackend}
          onClose={close}
          onSaved={(_summary, closeDialog) => {
            reload();
            if (closeDialog) close();
          }}
          onDelete={(connection) => setOpen({ kind: 'delete', connection })}
        />
      )}
      {open?.kind === 'delete' && (
        <DeleteConnectionDialog
          connection={open.connection}
          onClose={close}
          onDeleted={(id) => {
            close();
            reload();
            onDeleted(id);
          }}
        />
      )}
      {open?.kind === 'export' && <ExportDialog onClose={close} />}
      {open?.kind === 'import' && <ImportDialog onClose={close} onImported={reload} />}
      {open?.kind === 'mock' && <MockDialog connection={open.connection} onClose={close} />}
      {open?.kind === 'retrieval' && <RetrievalDialog connection={open.connection} onClose={close} />}
    </>
  );
}
