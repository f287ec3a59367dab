/** The tab strip's state as a pure reducer: open per connection, close, activate. */

/** One tab of the main area. */
export interface Tab {
  id: string;
  connectionId: string;
  title: string;
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
  | { type: 'open'; connectionId: string; title: string; newTab?: boolean }
  | { type: 'close'; id: string }
  | { type: 'activate'; id: string };

/** No tabs open. */
export const initialTabs: TabsState = { tabs: [], activeId: null, seq: 0 };

/** Applies one action. Opening a connection focuses its tab unless a new tab is asked for. */
export function tabsReducer(state: TabsState, action: TabsAction): TabsState {
  switch (action.type) {
    case 'open': {
      const existing = state.tabs.filter((t) => t.connectionId === action.connectionId);
      if (existing.length > 0 && !action.newTab) return { ...state, activeId: existing[0]!.id };
      const seq = state.seq + 1;
      const title = existing.length > 0 ? `${action.title} (${existing.length + 1})` : action.title;
      const tab: Tab = { id: `tab-${seq}`, connectionId: action.connectionId, title };
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
    case 'activate':
      return state.tabs.some((t) => t.id === action.id) ? { ...state, activeId: action.id } : state;
  }
}

/** The active tab, if any. */
export function activeTab(state: TabsState): Tab | undefined {
  return state.tabs.find((t) => t.id === state.activeId);
}
