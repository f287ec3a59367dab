/**
 * The ER diagram tab: scope (whole schema / around a table / saved view), search, column mode,
 * saved views, exports, and the xyflow canvas. Loaded lazily (xyflow and this view are their own
 * chunk); the ELK layout runs in a Web Worker.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useApi, useRequest } from '../../api/hooks';
import { toAppError } from '../../../shared/errors';
import { Menu, type MenuItem } from '../../ui/Menu';
import type { ViewProps } from '../views/registry';
import { ErdCanvas } from './ErdCanvas';
import {
  deleteView,
  exportDiagram,
  listViews,
  saveView,
  type ErdExportFormat,
  type ErdScope,
  type ErdViewSummary,
} from './erdApi';
import { positionsOf, type FlowNode } from './model';
import { SaveViewDialog } from './SaveViewDialog';
import { ScopeControls } from './ScopeControls';
import { SearchBox } from './SearchBox';
import { ErdBanners, statusText } from './ErdBanners';
import { useErdData } from './useErdData';
import './erd.css';

/** The scope a tab's parameters ask for (`viewId`, else `focus` + `hops`, else the whole schema). */
export function scopeFromParams(params: Record<string, string>): ErdScope {
  if (params.viewId) return { mode: 'view', viewId: params.viewId };
  if (params.focus)
    return {
      mode: 'around',
      focus: params.focus,
      hops: Math.min(3, Math.max(1, Number(params.hops) || 1)),
    };
  return { mode: 'schema', schema: params.schema ?? null };
}

const EXPORTS: { format: ErdExportFormat; label: string }[] = [
  { format: 'svg', label: 'SVG image' },
  { format: 'png', label: 'PNG image' },
  { format: 'mermaid', label: 'Mermaid erDiagram' },
  { format: 'dbml', label: 'DBML' },
];

type MenuAt = { x: number; y: number; items: MenuItem[]; label: string } | null;

/** The ER diagram view of a connection. */
export default function ErdView(props: ViewProps): ReactNode {
  // Re-opening the tab with other parameters (explorer "Open in ER diagram") starts it afresh.
  return <ErdViewBody key={`${props.connection.id}|${JSON.stringify(props.params)}`} {...props} />;
}

function ErdViewBody(props: ViewProps): ReactNode {
  const api = useApi();
  const connectionId = props.connection.id;
  const [scope, setScope] = useState<ErdScope>(() => scopeFromParams(props.params));

  const data = useErdData(connectionId, scope, props.active);
  const names = useRequest('schema.names', { connectionId });
  const schemas = useMemo(() => names.data?.schemas.map((s) => s.name) ?? [], [names.data]);
  const allTables = useMemo(
    () => names.data?.schemas.flatMap((s) => s.tables.map((t) => `${s.name}.${t.name}`)) ?? [],
    [names.data],
  );
  const searchItems = useMemo(() => data.graph?.nodes ?? [], [data.graph]);

  const [views, setViews] = useState<ErdViewSummary[]>([]);
  const refreshViews = useCallback(() => {
    listViews(api, connectionId).then(setViews, () => setViews([]));
  }, [api, connectionId]);
  useEffect(refreshViews, [refreshViews]);

  const [focus, setFocus] = useState<{ id: string; seq: number } | null>(null);
  const [menu, setMenu] = useState<MenuAt>(null);
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [saving, setSaving] = useState<{ busy: boolean; error: string | null } | null>(null);
  const current = useRef<readonly FlowNode[]>([]);
  useEffect(() => {
    current.current = data.flow?.nodes ?? [];
  }, [data.flow]);

  const onMoved = useCallback(
    (nodes: readonly FlowNode[], dragged: readonly string[]) => {
      current.current = nodes;
      data.rememberPositions(positionsOf(nodes.filter((n) => dragged.includes(n.id))));
    },
    [data],
  );

  const openedView = data.view?.view ?? null;
  const doSave = async (name: string, tables?: string[]) => {
    setSaving((s) => (s ? { ...s, busy: true } : s));
    try {
      const existing = views.find((v) => v.name === name);
      const viewId =
        existing?.id ?? (openedView && openedView.name === name ? openedView.id : undefined);
      const saved = await saveView(api, {
        connectionId,
        ...(viewId ? { viewId } : {}),
        name,
        tables: tables ?? current.current.map((n) => n.id),
        positions: positionsOf(current.current),
        scope,
      });
      setSaving(null);
      refreshViews();
      setNotice({
        text: `Saved view “${saved.name}” (${saved.tables.length} tables)`,
        tone: 'info',
      });
      if (scope.mode === 'view' && scope.viewId === saved.id) data.reload();
      else setScope({ mode: 'view', viewId: saved.id });
    } catch (err) {
      setSaving({ busy: false, error: toAppError(err).message });
    }
  };

  const addSuggested = () => {
    if (!openedView || !data.view) return;
    void doSave(openedView.name, [...new Set([...openedView.tables, ...data.view.suggested])]);
  };
  const dropMissing = () => {
    if (!openedView || !data.view) return;
    const gone = new Set(data.view.missing);
    void doSave(
      openedView.name,
      openedView.tables.filter((t) => !gone.has(t)),
    );
  };

  const menuAt = (e: MouseEvent, label: string, items: MenuItem[]) => {
    const r = e.currentTarget.getBoundingClientRect();
    setMenu({ x: r.left, y: r.bottom + 2, label, items });
  };

  const openViewsMenu = (e: MouseEvent) =>
    menuAt(e, 'Saved views', [
      {
        label: 'Save view…',
        onSelect: () => setSaving({ busy: false, error: null }),
        disabled: !data.flow?.nodes.length,
      },
      ...views.map((v) => ({
        label: `Open “${v.name}”`,
        onSelect: () => setScope({ mode: 'view', viewId: v.id }),
      })),
      ...views.map((v) => ({
        label: `Delete “${v.name}”`,
        danger: true,
        onSelect: () =>
          void deleteView(api, v.id).then(
            () => {
              refreshViews();
              if (scope.mode === 'view' && scope.viewId === v.id)
                setScope({ mode: 'schema', schema: null });
            },
            (err: unknown) => setNotice({ text: toAppError(err).message, tone: 'error' }),
          ),
      })),
    ]);

  const openExportMenu = (e: MouseEvent) =>
    menuAt(
      e,
      'Export diagram',
      EXPORTS.map((x) => ({
        label: x.label,
        onSelect: () => {
          setNotice({ text: `Exporting ${x.label}…`, tone: 'info' });
          // The file shows what the screen shows: current positions (drags included) and column mode.
          exportDiagram(api, connectionId, scope, x.format, { positions: positionsOf(current.current), keysOnly: data.keysOnly }).then(
            (path) => setNotice({ text: `Saved ${x.label} to ${path}`, tone: 'info' }),
            (err: unknown) => setNotice({ text: toAppError(err).message, tone: 'error' }),
          );
        },
      })),
    );

  const busy = data.status.phase === 'graph' || data.status.phase === 'layout';
  return (
    <div className="erd-view" data-testid="erd-view">
      <div className="erd-toolbar" role="toolbar" aria-label="Diagram tools">
        <ScopeControls
          scope={scope}
          schemas={schemas}
          tables={allTables}
          viewName={openedView?.name ?? null}
          onScope={setScope}
        />
        <span className="erd-toolbar-sep" />
        <SearchBox
          items={searchItems}
          onFind={(id) => setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1 }))}
        />
        <select
          aria-label="Columns shown"
          value={data.keysOnly ? 'keys' : 'all'}
          onChange={(e) => data.setKeysOnly(e.target.value === 'keys')}
        >
          <option value="all">All columns</option>
          <option value="keys">Key columns only</option>
        </select>
        <span className="erd-toolbar-sep" />
        <button
          type="button"
          className="btn btn-small"
          onClick={openViewsMenu}
          aria-haspopup="menu"
        >
          Views ▾
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={openExportMenu}
          aria-haspopup="menu"
        >
          Export ▾
        </button>
        <span
          className="erd-status"
          data-testid="erd-status"
          aria-live="polite"
          data-phase={data.status.phase}
          data-layout-ms={data.status.phase === 'ready' ? data.status.ms : undefined}
        >
          {statusText(data.status, data.graph?.hiddenLinks ?? 0)}
        </span>
      </div>
      <ErdBanners
        view={data.view}
        status={data.status}
        notice={notice}
        onAddSuggested={addSuggested}
        onDropMissing={dropMissing}
        onRetry={data.reload}
        onDismiss={() => setNotice(null)}
      />
      <div className="erd-body">
        {data.flow && (
          <ReactFlowProvider>
            <ErdCanvas
              nodes={data.flow.nodes}
              edges={data.flow.edges}
              focus={focus}
              onMoved={onMoved}
            />
          </ReactFlowProvider>
        )}
        {busy && (
          <div className="erd-overlay" data-testid="erd-progress">
            <span className="erd-spinner" />
            <span>{statusText(data.status, 0)}</span>
          </div>
        )}
        {data.status.phase === 'ready' && data.flow?.nodes.length === 0 && (
          <div className="erd-overlay">No tables to draw here.</div>
        )}
      </div>
      {menu && (
        <Menu
          x={menu.x}
          y={menu.y}
          items={menu.items}
          label={menu.label}
          onClose={() => setMenu(null)}
        />
      )}
      {saving && (
        <SaveViewDialog
          initialName={
            openedView?.name ??
            (scope.mode === 'around'
              ? `Around ${scope.focus.slice(scope.focus.indexOf('.') + 1)}`
              : '')
          }
          existing={views.map((v) => v.name)}
          tableCount={data.flow?.nodes.length ?? 0}
          busy={saving.busy}
          error={saving.error}
          onSave={(name) => void doSave(name)}
          onClose={() => setSaving(null)}
        />
      )}
    </div>
  );
}
