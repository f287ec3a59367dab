/** Public surface of the results feature. */
export { ResultsPanel } from './ResultsPanel';
export type { ResultsPanelProps, RunningRun } from './types';
