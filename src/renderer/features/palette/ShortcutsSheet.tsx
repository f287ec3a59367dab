/** The keyboard shortcuts sheet (F1): every command with a shortcut plus the editor's built-ins. */
import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import { EDITOR_SHORTCUTS, shortcutLabel, useCommands } from './commands';

/** A dialog listing shortcuts by group. */
export function ShortcutsSheet(props: { onClose(): void; mac: boolean }): ReactNode {
  const commands = useCommands().filter((c) => c.shortcut);
  const rows = [
    ...commands.map((c) => ({ title: c.title, shortcut: c.shortcut! })),
    ...EDITOR_SHORTCUTS,
  ];
  const seen = new Set<string>();
  return (
    <Dialog title="Keyboard shortcuts" onClose={props.onClose} size="medium" testId="shortcuts-sheet">
      <table className="shortcuts-table">
        <tbody>
          {rows
            .filter((r) => !seen.has(r.title) && seen.add(r.title))
            .map((r) => (
              <tr key={r.title}>
                <td>{r.title}</td>
                <td>
                  <kbd className="palette-kbd">{shortcutLabel(r.shortcut, props.mac)}</kbd>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </Dialog>
  );
}
