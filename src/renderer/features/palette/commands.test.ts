import { describe, expect, it } from 'vitest';
import { listCommands, registerCommands, shortcutLabel, type AppCommand } from './commands';

const run = (): void => undefined;
const ids = (): string[] => listCommands().map((c) => c.id);

describe('command registry', () => {
  it('lists what owners register and drops it when they unregister', () => {
    const offA = registerCommands('tab', [{ id: 'a', title: 'A', group: 'Run', run }]);
    const offOther = registerCommands('other', [{ id: 'c', title: 'C', group: 'Help', run }]);
    expect(ids()).toEqual(['a', 'c']);
    // The active tab changes: the new registration replaces the old, whose cleanup is then a no-op.
    const b: AppCommand[] = [{ id: 'b', title: 'B', group: 'Run', run }];
    const offB = registerCommands('tab', b);
    offA();
    expect(ids()).toEqual(['b', 'c']);
    offB();
    offOther();
    expect(ids()).toEqual([]);
  });

  it('spells shortcuts per platform', () => {
    expect(shortcutLabel('Mod+Shift+Enter', false)).toBe('Ctrl+Shift+Enter');
    expect(shortcutLabel('Mod+Shift+Enter', true)).toBe('⌘+⇧+Enter');
    expect(shortcutLabel('Shift+Alt+F', true)).toBe('⇧+⌥+F');
  });
});
