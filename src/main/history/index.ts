/** Query history and the saved-queries library. */
export { HistoryService, type HistorySearch } from './historyService';
export { SavedQueryService, type SaveQueryInput, type SavedListFilter } from './savedQueryService';
export { toFtsMatch } from './ftsQuery';
