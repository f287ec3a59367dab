/** Palette commands that open Settings → AI and the request log for the active tab's connection. */
import { useEffect } from 'react';
import { openView } from '../../app/openView';
import { registerCommands } from '../palette/commands';

/** Registers "AI settings" and "AI request log" while `active`. */
export function useAiSettingsCommands(connectionId: string, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    return registerCommands('ai-settings', [
      { id: 'ai.settings', title: 'AI settings (providers, keys, spend)', group: 'View', run: () => openView({ view: 'ai-settings', connectionId, title: 'AI settings' }) },
      { id: 'ai.log', title: 'AI request log', group: 'View', run: () => openView({ view: 'ai-log', connectionId, title: 'AI request log' }) },
    ]);
  }, [connectionId, active]);
}
