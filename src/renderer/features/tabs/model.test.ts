import { describe, expect, it } from 'vitest';
import { activeTab, initialTabs, renamedTitle, tabsReducer, type TabsAction, type TabsState } from './model';

const run = (actions: TabsAction[], from: TabsState = initialTabs) =>
  actions.reduce(tabsReducer, from);

describe('tabs model', () => {
  it('opens one tab per connection and focuses it when opened again', () => {
    const s = run([
      { type: 'open', connectionId: 'demo', title: 'Demo' },
      { type: 'open', connectionId: 'pg', title: 'PG' },
      { type: 'open', connectionId: 'demo', title: 'Demo' },
    ]);
    expect(s.tabs.map((t) => t.title)).toEqual(['Demo', 'PG']);
    expect(activeTab(s)?.title).toBe('Demo');
  });

  it('opens an extra numbered tab on request', () => {
    const s = run([
      { type: 'open', connectionId: 'demo', title: 'Demo' },
      { type: 'open', connectionId: 'demo', title: 'Demo', newTab: true },
    ]);
    expect(s.tabs.map((t) => t.title)).toEqual(['Demo', 'Demo (2)']);
    expect(new Set(s.tabs.map((t) => t.id)).size).toBe(2);
  });

  it('closing the active tab focuses its right neighbour, then the left one', () => {
    let s = run([
      { type: 'open', connectionId: 'a', title: 'A' },
      { type: 'open', connectionId: 'b', title: 'B' },
      { type: 'open', connectionId: 'c', title: 'C' },
      { type: 'activate', id: 'tab-2' },
    ]);
    s = tabsReducer(s, { type: 'close', id: 'tab-2' });
    expect(activeTab(s)?.title).toBe('C');
    s = tabsReducer(s, { type: 'close', id: 'tab-3' });
    expect(activeTab(s)?.title).toBe('A');
    s = tabsReducer(s, { type: 'close', id: 'tab-1' });
    expect(s.activeId).toBeNull();
  });

  it('closing an inactive tab keeps the focus; unknown ids change nothing', () => {
    const s = run([
      { type: 'open', connectionId: 'a', title: 'A' },
      { type: 'open', connectionId: 'b', title: 'B' },
    ]);
    expect(activeTab(tabsReducer(s, { type: 'close', id: 'tab-1' }))?.title).toBe('B');
    expect(tabsReducer(s, { type: 'activate', id: 'nope' })).toBe(s);
  });
});

describe('editor tabs restored and opened with text', () => {
  it('puts restored tabs first and never reuses their ids', () => {
    let s = tabsReducer(initialTabs, { type: 'open', connectionId: 'c1', title: 'A' });
    s = tabsReducer(s, { type: 'restore', tabs: [{ id: 'tab-7', connectionId: 'c2', title: 'B', sql: 'SELECT 7' }] });
    expect(s.tabs.map((t) => t.id)).toEqual(['tab-7', 'tab-1']);
    s = tabsReducer(s, { type: 'open', connectionId: 'c2', title: 'B', newTab: true });
    expect(s.tabs.at(-1)!.id).toBe('tab-8');
  });

  it('opens SQL from history or a saved query in a new tab and tracks unsaved changes', () => {
    let s = tabsReducer(initialTabs, { type: 'open', connectionId: 'c1', title: 'A' });
    s = tabsReducer(s, { type: 'open', connectionId: 'c1', title: 'Report', sql: 'SELECT 1', savedQueryId: 'q1', run: true });
    const tab = activeTab(s)!;
    expect(s.tabs).toHaveLength(2);
    expect(tab).toMatchObject({ sql: 'SELECT 1', savedQueryId: 'q1', savedSql: 'SELECT 1', runOnOpen: true });
    s = tabsReducer(s, { type: 'dirty', id: tab.id, dirty: true });
    expect(activeTab(s)!.dirty).toBe(true);
  });

  it('takes a new saved version as the baseline, clearing the unsaved marker when the text matches', () => {
    let s = tabsReducer(initialTabs, { type: 'open', connectionId: 'c1', title: 'Report', sql: 'SELECT 1', savedQueryId: 'q1' });
    s = tabsReducer(s, { type: 'open', connectionId: 'c1', title: 'Other', sql: 'SELECT 9', savedQueryId: 'q2' });
    const [report, other] = s.tabs;
    s = tabsReducer(s, { type: 'dirty', id: report!.id, dirty: true });
    // The user saved the edited text (SELECT 2) as a new version of q1 from the Saved panel.
    s = tabsReducer(s, { type: 'savedVersion', savedQueryId: 'q1', sql: 'SELECT 2', texts: { [report!.id]: 'SELECT 2' } });
    expect(s.tabs[0]).toMatchObject({ savedSql: 'SELECT 2', dirty: false });
    expect(s.tabs[1]).toBe(other);
    // A version that differs from the editor text marks the tab unsaved.
    s = tabsReducer(s, { type: 'savedVersion', savedQueryId: 'q1', sql: 'SELECT 3', texts: { [report!.id]: 'SELECT 2' } });
    expect(s.tabs[0]).toMatchObject({ savedSql: 'SELECT 3', dirty: true });
    // Without a reported text, the tab's opening text is compared.
    const same = tabsReducer(s, { type: 'savedVersion', savedQueryId: 'q9', sql: 'x', texts: {} });
    expect(same).toBe(s);
  });

  it('renames the tabs titled after a renamed connection, keeping their numbers and other titles', () => {
    let s = tabsReducer(initialTabs, { type: 'open', connectionId: 'c1', title: 'Local' });
    s = tabsReducer(s, { type: 'open', connectionId: 'c1', title: 'Local', newTab: true });
    s = tabsReducer(s, { type: 'open', connectionId: 'c1', title: 'Report', sql: 'SELECT 1', newTab: true });
    s = tabsReducer(s, { type: 'open', connectionId: 'c2', title: 'Local' });
    s = tabsReducer(s, { type: 'renameConnection', connectionId: 'c1', from: 'Local', to: 'Dev DB' });
    expect(s.tabs.map((t) => t.title)).toEqual(['Dev DB', 'Dev DB (2)', 'Report (3)', 'Local']);
    expect(renamedTitle('Local copy', 'Local', 'X')).toBe('Local copy');
    expect(tabsReducer(s, { type: 'renameConnection', connectionId: 'c1', from: 'Nope', to: 'X' })).toBe(s);
  });
});
