/**
 * Saving editor text as a saved query, for the editor and the Saved panel alike. Every save
 * makes a new version; listeners (the Saved panel) hear about it and refresh.
 */
import type { ArgsOf } from '../../../shared/contract';
import type { SavedQuery } from '../../../shared/history';
import type { ApiClient } from '../../api/client';

/** What a save takes: `id` absent creates a new saved query, present adds a version to it. */
export type SaveQueryInput = ArgsOf<'saved.save'>;

type Listener = (saved: SavedQuery) => void;
const listeners = new Set<Listener>();

/** Saves (a new version of) a query and tells the Saved panel. */
export async function saveQuery(
  api: Pick<ApiClient, 'call'>,
  input: SaveQueryInput,
): Promise<SavedQuery> {
  const saved = await api.call('saved.save', input);
  notifySavedChanged(saved);
  return saved;
}

/** Tells listeners a saved query changed (saved, restored). */
export function notifySavedChanged(saved: SavedQuery): void {
  for (const l of [...listeners]) l(saved);
}

/** Subscribes to saved-query changes; returns the unsubscribe function. */
export function onSavedChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
