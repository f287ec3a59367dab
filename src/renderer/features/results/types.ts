/** The public props of the results panel: the editor's QueryTab renders `<ResultsPanel {...} />`. */
import type { ResultSetStarted, RunOutcome } from '../../../shared/contract';
import type { Engine } from '../../../shared/connection';
import type { ErrorData } from '../../../shared/errors';

/** The run currently in flight, if any. */
export interface RunningRun {
  runId: string;
  /** `Date.now()` when the run was sent. */
  startedAt: number;
}

/** Props of `ResultsPanel`. The owner of the run (useQueryRun) frees result ids on re-run/unmount. */
export interface ResultsPanelProps {
  /** How the latest run ended; null while running or before the first run. */
  outcome: RunOutcome | null;
  /** The run in flight, or null. */
  running: RunningRun | null;
  /** Result sets announced by `query.resultSet` for the running run (grid shows them live). */
  liveResultSets: ResultSetStarted[];
  /** Cancels the running run (calls `query.cancel`). */
  onCancel(): void;
  /** The connection the run used; enables sort/filter by re-querying large results. */
  connectionId?: string;
  /** The connection's engine: picks identifier quoting and casts when re-querying. */
  engine?: Engine;
  /** The run failed as a whole (no outcome), e.g. the connection was lost. */
  error?: ErrorData | null;
  /** Jumps the editor to an error's position (1-based line and column of the script). */
  onJumpTo?(position: { line: number; column: number }): void;
}
