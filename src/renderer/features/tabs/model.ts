/** The tab strip's state as a pure reducer: open per connection, close, activate. */

/** Tabs that are not SQL editors: ER diagram, docs, workload, AI settings (see views/registry). */
export type ViewKind = 'erd' | 'docs' | 'workload' | 'ai-settings' | 'ai-log';

/** One tab of the main area. */
export interface Tab {
  id: string;
  connectionId: string;
  title: string;
  /** Absent: an SQL editor tab. Otherwise a view tab (not persisted across restarts). */
  view?: ViewKind;
  /** What the view should show (e.g. `{ table: 'public.film', hops: '1' }`); replaced on re-open. */
  viewParams?: Record<string, string>;
  /** The text the tab opens with (restored or sent by "open in editor"); absent: a starter query. */
  sql?: string;
  /** The saved query the tab came from: its text is the baseline of the unsaved-changes marker. */
  savedQueryId?: string | null;
  savedSql?: string;
  /** True while the text differs from the saved query's. */
  dirty?: boolean;
  /** Run the text once the tab opens. */
  runOnOpen?: boolean;
}

/** All open tabs and the active one. */
export interface TabsState {
  tabs: Tab[];
  activeId: string | null;
  /** Counter for tab ids, so ids never repeat within a session. */
  seq: number;
}

/** Something the user did to the tabs. */
export type TabsAction =
  | {
      type: 'open';
      connectionId: string;
      title: string;
      newTab?: boolean;
      sql?: string;
      savedQueryId?: string;
      run?: boolean;
    }
  /** Opens (or focuses and re-targets) the one view tab of this kind for this connection. */
  | { type: 'openView'; view: ViewKind; connectionId: string; title: string; params?: Record<string, string> }
  /** Tabs restored after a restart go before any opened meanwhile. */
  | { type: 'restore'; tabs: Tab[] }
  | { type: 'dirty'; id: string; dirty: boolean }
  /**
   * A saved query got a new version: tabs opened from it take `sql` as their baseline; `texts`
   * holds the tabs' current editor text (by tab id) to recompute the unsaved marker.
   */
  | { type: 'savedVersion'; savedQueryId: string; sql: string; texts: Record<string, string> }
  /** A connection was renamed: tabs titled after it (`from`, `from (2)`) follow the new name. */
  | { type: 'renameConnection'; connectionId: string; from: string; to: string }
  | { type: 'close'; id: string }
  | { type: 'activate'; id: string };

/** No tabs open. */
export const initialTabs: TabsState = { tabs: [], activeId: null, seq: 0 };

/** Applies one action. Opening a connection focuses its tab unless a new tab is asked for. */
export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'openView': {
      const found = state.tabs.find((t) => t.view === action.view && t.connectionId === action.connectionId);
      if (found) {
        const tabs = state.tabs.map((t) => (t === found ? { ...t, title: action.title, viewParams: action.params ?? {} } : t));
        return { ...state, tabs, activeId: found.id };
      }
      const seq = state.seq + 1;
      const tab: Tab = { id: `tab-${seq}`, connectionId: action.connectionId, title: action.title, view: action.view, viewParams: action.params ?? {} };
      return { tabs: [...state.tabs, tab], activeId: tab.id, seq };
    }
    case 'open': {
      const existing = state.tabs.filter((t) => t.connectionId === action.connectionId && !t.view);
      if (existing.length > 0 && !action.newTab && action.sql === undefined) return { ...state, activeId: existing[0]!.id };
      const seq = state.seq + 1;
      const title = existing.length > 0 ? `${action.title} (${existing.length + 1})` : action.title;
      const tab: Tab = { id: `tab-${seq}`, connectionId: action.connectionId, title };
      if (action.sql !== undefined) tab.sql = action.sql;
      if (action.savedQueryId) Object.assign(tab, { savedQueryId: action.savedQueryId, savedSql: action.sql });
      if (action.run) tab.runOnOpen = true;
      return { tabs: [...state.tabs, tab], activeId: tab.id, seq };
    }
    case 'close': {
      const index = state.tabs.findIndex((t) => t.id === action.id);
      if (index < 0) return state;
      const tabs = state.tabs.filter((t) => t.id !== action.id);
      let activeId = state.activeId;
      // Closing the active tab focuses its right neighbour, else its left one, like browsers do.
      if (activeId === action.id) activeId = (tabs[index] ?? tabs[index - 1])?.id ?? null;
      return { ...state, tabs, activeId };
    }
    case 'restore': {
      const known = new Set(state.tabs.map((t) => t.id));
      const restored = action.tabs.filter((t) => !known.has(t.id));
      if (restored.length === 0) return state;
      // Later ids must not collide with restored `tab-N` ids.
      const seq = Math.max(state.seq, ...restored.map((t) => Number(/^tab-(\d+)$/.exec(t.id)?.[1] ?? 0)));
      return { tabs: [...restored, ...state.tabs], activeId: state.activeId ?? restored[0]!.id, seq };
    }
    case 'dirty':
      return {
        ...state,
        tabs: state.tabs.map((t) => (t.id === action.id && Boolean(t.dirty) !== action.dirty ? { ...t, dirty: action.dirty } : t)),
      };
    case 'savedVersion': {
      let changed = false;
      const tabs = state.tabs.map((t) => {
        if (t.savedQueryId !== action.savedQueryId) return t;
        const dirty = (action.texts[t.id] ?? t.sql ?? '') !== action.sql;
        if (t.savedSql === action.sql && Boolean(t.dirty) === dirty) return t;
        changed = true;
        return { ...t, savedSql: action.sql, dirty };
      });
      return changed ? { ...state, tabs } : state;
    }
    case 'renameConnection': {
      if (action.from === action.to) return state;
      let changed = false;
      const tabs = state.tabs.map((t) => {
        if (t.connectionId !== action.connectionId) return t;
        const title = renamedTitle(t.title, action.from, action.to);
        if (title === t.title) return t;
        changed = true;
        return { ...t, title };
      });
      return changed ? { ...state, tabs } : state;
    }
    case 'activate':
      return state.tabs.some((t) => t.id === action.id) ? { ...state, activeId: action.id } : state;
  }
}

/** The active tab, if any. */
export function activeTab(state: TabsState): Tab | undefined {
  return state.tabs.find((t) => t.id === state.activeId);
}

/** `title` with a leading connection name `from` replaced by `to`; other titles (a saved query's, a table's) stay. */
export function renamedTitle(title: string, from: string, to: string): string {
  if (title === from) return to;
  if (title.startsWith(`${from} (`) && /^ \(\d+\)$/.test(title.slice(from.length))) return to + title.slice(from.length);
  return title;
}
