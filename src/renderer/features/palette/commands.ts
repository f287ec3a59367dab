/**
 * The registry of user actions that the command palette lists and the shortcuts sheet
 * documents. Owners register while they can act (the active query tab registers its editor
 * actions; the tab strip registers tab actions) and unregister on cleanup.
 */
import { useSyncExternalStore } from 'react';

/** One action a user can take. */
export interface AppCommand {
  id: string;
  title: string;
  group: 'Run' | 'Edit' | 'Tabs' | 'View' | 'Help';
  /** Shortcut as shown to the user, e.g. "Mod+Enter" ("Mod" reads ⌘ on macOS, Ctrl elsewhere). */
  shortcut?: string;
  run(): void;
}

const owners = new Map<string, AppCommand[]>();
const listeners = new Set<() => void>();
let snapshot: AppCommand[] = [];

function publish(): void {
  snapshot = [...owners.values()].flat();
  for (const l of [...listeners]) l();
}

/** Registers an owner's commands (replacing its previous ones); returns the unregister function. */
export function registerCommands(owner: string, commands: AppCommand[]): () => void {
  owners.set(owner, commands);
  publish();
  return () => {
    if (owners.get(owner) === commands) {
      owners.delete(owner);
      publish();
    }
  };
}

/** Every registered command right now (outside React). */
export function listCommands(): AppCommand[] {
  return snapshot;
}

/** Every registered command, re-rendering when the set changes. */
export function useCommands(): AppCommand[] {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => snapshot,
  );
}

/** Static shortcuts that are not palette commands (editor built-ins), for the sheet. */
export const EDITOR_SHORTCUTS: Array<{ title: string; shortcut: string }> = [
  { title: 'Complete (schema, keywords, functions)', shortcut: 'Ctrl+Space' },
  { title: 'Next / previous match', shortcut: 'F3 / Shift+F3' },
  { title: 'Toggle comment', shortcut: 'Mod+/' },
  { title: 'Undo / redo', shortcut: 'Mod+Z / Mod+Shift+Z' },
  { title: 'Indent / outdent', shortcut: 'Tab / Shift+Tab' },
];

/** A shortcut spelled for this platform. */
export function shortcutLabel(shortcut: string, mac: boolean): string {
  return mac ? shortcut.replace(/Mod/g, '⌘').replace(/Alt/g, '⌥').replace(/Shift/g, '⇧') : shortcut.replace(/Mod/g, 'Ctrl');
}
