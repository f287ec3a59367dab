/** Palette command that opens the Docs view for the active query tab's connection. */
import { useEffect } from 'react';
import { openView } from '../../app/openView';
import { registerCommands } from '../palette/commands';

/** Registers "Documentation (data dictionary)" while `active`. */
export function useDocsCommands(connectionId: string, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    return registerCommands('docs', [
      { id: 'docs.open', title: 'Documentation (data dictionary, lint, changes)', group: 'View', run: () => openView({ view: 'docs', connectionId }) },
    ]);
  }, [connectionId, active]);
}
