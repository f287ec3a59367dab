/**
 * The editor tabs of the window: the tab-strip reducer plus persistence (`tabs.list` restores
 * them after a restart, `tabs.save` keeps each tab's text, debounced), the unsaved-changes
 * marker of tabs opened from a saved query, and "open in editor" requests from other panels.
 */
import { useCallback, useEffect, useReducer, useRef, type Dispatch } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { onOpenInEditor } from '../../app/openInEditor';
import { onOpenView } from '../../app/openView';
import { useApi } from '../../api/hooks';
import { registerCommands } from '../palette/commands';
import { onSavedChanged } from '../saved/saveQuery';
import { initialTabs, tabsReducer, type Tab, type TabsAction, type TabsState, type ViewKind } from '../tabs/model';

const VIEW_TITLES: Record<ViewKind, string> = {
  erd: 'ER diagram',
  docs: 'Docs',
  workload: 'Workload',
  'ai-settings': 'AI settings',
  'ai-log': 'AI request log',
};

/** Typing pauses this long before a tab's text is saved. */
export const SAVE_DEBOUNCE_MS = 400;

/** Tabs state, its dispatcher, and the callback a tab reports its text through. */
export function useEditorTabs(connections: ConnectionSummary[] | undefined): {
  tabs: TabsState;
  dispatch: Dispatch<TabsAction>;
  onText(tabId: string, sql: string): void;
} {
  const api = useApi();
  const [tabs, dispatch] = useReducer(tabsReducer, initialTabs);
  const texts = useRef(new Map<string, string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const saved = useRef(new Map<string, string>());
  const tabsRef = useRef(tabs);
  const connectionsRef = useRef(connections);
  useEffect(() => {
    tabsRef.current = tabs;
    connectionsRef.current = connections;
  });

  const save = useCallback(
    (tab: Tab, position: number) => {
      const sql = texts.current.get(tab.id) ?? tab.sql ?? '';
      const record = { id: tab.id, connectionId: tab.connectionId, title: tab.title, sql, savedQueryId: tab.savedQueryId ?? null, position };
      const key = JSON.stringify(record);
      if (saved.current.get(tab.id) === key) return;
      saved.current.set(tab.id, key);
      api.call('tabs.save', record).catch(() => saved.current.delete(tab.id));
    },
    [api],
  );

  // Restore once; saved-query tabs fetch their saved text as the unsaved-changes baseline.
  useEffect(() => {
    let live = true;
    api.call('tabs.list', {}).then(async (records) => {
      const restored: Tab[] = await Promise.all(
        records.map(async (r): Promise<Tab> => {
          const tab: Tab = { id: r.id, connectionId: r.connectionId, title: r.title, sql: r.sql };
          if (!r.savedQueryId) return tab;
          const baseline = await api.call('saved.get', { id: r.savedQueryId }).then((q) => q.sql, () => undefined);
          return { ...tab, savedQueryId: r.savedQueryId, savedSql: baseline ?? r.sql, dirty: baseline !== undefined && baseline !== r.sql };
        }),
      );
      if (live && restored.length) dispatch({ type: 'restore', tabs: restored });
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [api]);

  // Save new, renamed and moved tabs; forget closed ones.
  useEffect(() => {
    const editors = tabs.tabs.filter((t) => !t.view); // view tabs are not restored
    const ids = new Set(editors.map((t) => t.id));
    editors.forEach((t, i) => save(t, i));
    for (const id of [...saved.current.keys()]) {
      if (ids.has(id)) continue;
      saved.current.delete(id);
      texts.current.delete(id);
      clearTimeout(timers.current.get(id));
      api.call('tabs.close', { id }).catch(() => undefined);
    }
  }, [tabs.tabs, save, api]);

  const onText = useCallback(
    (tabId: string, sql: string) => {
      const first = !texts.current.has(tabId);
      texts.current.set(tabId, sql);
      const tab = tabsRef.current.tabs.find((t) => t.id === tabId);
      if (!tab) return;
      if (tab.savedQueryId && tab.savedSql !== undefined) dispatch({ type: 'dirty', id: tabId, dirty: sql !== tab.savedSql });
      if (first) return;
      clearTimeout(timers.current.get(tabId));
      timers.current.set(
        tabId,
        setTimeout(() => {
          const now = tabsRef.current.tabs;
          const i = now.findIndex((t) => t.id === tabId);
          if (i >= 0) save(now[i]!, i);
        }, SAVE_DEBOUNCE_MS),
      );
    },
    [save],
  );

  useEffect(
    () =>
      onOpenInEditor((req) => {
        const conn = connectionsRef.current?.find((c) => c.id === req.connectionId);
        dispatch({
          type: 'open',
          connectionId: req.connectionId,
          title: req.title ?? conn?.name ?? 'Query',
          newTab: true,
          sql: req.sql,
          ...(req.savedQueryId ? { savedQueryId: req.savedQueryId } : {}),
          ...(req.run ? { run: true } : {}),
        });
      }),
    [],
  );

  useEffect(
    () =>
      onOpenView((req) => {
        const conn = connectionsRef.current?.find((c) => c.id === req.connectionId);
        const title = req.title ?? `${VIEW_TITLES[req.view]} · ${conn?.name ?? ''}`;
        dispatch({ type: 'openView', view: req.view, connectionId: req.connectionId, title, ...(req.params ? { params: req.params } : {}) });
      }),
    [],
  );

  // A save or restore elsewhere (the Saved panel) moves the baseline of tabs opened from that query.
  useEffect(
    () =>
      onSavedChanged((q) =>
        dispatch({ type: 'savedVersion', savedQueryId: q.id, sql: q.sql, texts: Object.fromEntries(texts.current) }),
      ),
    [],
  );

  // A renamed connection renames the tabs titled after it.
  const names = useRef(new Map<string, string>());
  useEffect(() => {
    for (const c of connections ?? []) {
      const before = names.current.get(c.id);
      if (before !== undefined && before !== c.name) dispatch({ type: 'renameConnection', connectionId: c.id, from: before, to: c.name });
      names.current.set(c.id, c.name);
    }
  }, [connections]);

  useEffect(() => {
    const active = tabs.tabs.find((t) => t.id === tabs.activeId);
    const index = active ? tabs.tabs.indexOf(active) : -1;
    const go = (d: number) => () => {
      const next = tabs.tabs[(index + d + tabs.tabs.length) % tabs.tabs.length];
      if (next) dispatch({ type: 'activate', id: next.id });
    };
    if (!active) return undefined;
    return registerCommands('tabs', [
      { id: 'tab.new', title: 'New query tab', group: 'Tabs', run: () => dispatch({ type: 'open', connectionId: active.connectionId, title: active.title.replace(/ \(\d+\)$/, ''), newTab: true }) },
      { id: 'tab.close', title: 'Close tab', group: 'Tabs', run: () => dispatch({ type: 'close', id: active.id }) },
      { id: 'tab.next', title: 'Next tab', group: 'Tabs', run: go(1) },
      { id: 'tab.previous', title: 'Previous tab', group: 'Tabs', run: go(-1) },
    ]);
  }, [tabs]);

  return { tabs, dispatch, onText };
}
