/**
 * App-wide keyboard entry points of the IDE: Ctrl/Cmd+K opens the command palette, F1 the
 * shortcuts sheet. Mounted once by the shell.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { CommandPalette } from './CommandPalette';
import { registerCommands } from './commands';
import { ShortcutsSheet } from './ShortcutsSheet';

/** The palette and the shortcuts sheet with their global shortcuts. */
export function EditorChrome(): ReactNode {
  const [open, setOpen] = useState<'palette' | 'shortcuts' | null>(null);
  const mac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => (o === 'palette' ? null : 'palette'));
      } else if (e.key === 'F1') {
        e.preventDefault();
        setOpen('shortcuts');
      }
    };
    // Capture: the editor must not swallow these.
    window.addEventListener('keydown', onKey, true);
    const off = registerCommands('chrome', [
      { id: 'palette', title: 'Command palette', group: 'Help', shortcut: 'Mod+K', run: () => setOpen('palette') },
      { id: 'shortcuts', title: 'Keyboard shortcuts', group: 'Help', shortcut: 'F1', run: () => setOpen('shortcuts') },
    ]);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      off();
    };
  }, []);
  if (open === 'palette') return <CommandPalette mac={mac} onClose={() => setOpen(null)} />;
  if (open === 'shortcuts') return <ShortcutsSheet mac={mac} onClose={() => setOpen(null)} />;
  return null;
}
