/** The command palette (cmdk): every registered action, searchable, with its shortcut. */
import { Command } from 'cmdk';
import { type ReactNode } from 'react';
import { shortcutLabel, useCommands, type AppCommand } from './commands';
import './palette.css';

const GROUPS: AppCommand['group'][] = ['Run', 'Edit', 'Tabs', 'View', 'Help'];

/** The palette overlay; `onClose` runs after a command is chosen or on Escape. */
export function CommandPalette(props: { onClose(): void; mac: boolean }): ReactNode {
  const commands = useCommands();
  const choose = (c: AppCommand): void => {
    props.onClose();
    // After the overlay is gone, so a command that focuses something keeps the focus.
    setTimeout(() => c.run(), 0);
  };
  return (
    <div className="palette-backdrop" onMouseDown={props.onClose} data-testid="command-palette">
      <div className="palette" onMouseDown={(e) => e.stopPropagation()}>
        <Command
          label="Command palette"
          loop
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              props.onClose();
            }
          }}
        >
          <Command.Input autoFocus placeholder="Type a command…" className="palette-input" />
          <Command.List className="palette-list">
            <Command.Empty className="palette-empty">No matching command.</Command.Empty>
            {GROUPS.map((g) => {
              const items = commands.filter((c) => c.group === g);
              if (items.length === 0) return null;
              return (
                <Command.Group key={g} heading={g} className="palette-group">
                  {items.map((c) => (
                    <Command.Item key={c.id} value={`${c.group} ${c.title}`} onSelect={() => choose(c)} className="palette-item">
                      <span>{c.title}</span>
                      {c.shortcut && <kbd className="palette-kbd">{shortcutLabel(c.shortcut, props.mac)}</kbd>}
                    </Command.Item>
                  ))}
                </Command.Group>
              );
            })}
          </Command.List>
        </Command>
      </div>
    </div>
  );
}
