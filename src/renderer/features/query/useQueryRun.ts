/**
 * Runs SQL in a tab: tracks the run in flight, the result sets it announces, how it ended, and
 * the confirmation main asks for; frees the results a new run replaces (and all on unmount).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultSetStarted, RunOutcome } from '../../../shared/contract';
import { toAppError, type AppError } from '../../../shared/errors';
import { useApi, useEvent } from '../../api/hooks';
import { confirmationOf, type ConfirmationRequest } from './confirm';
import { newRunId } from './model';

/** State of the tab's latest run. */
export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; startedAt: number }
  /** `outcome` is null when nothing ran (the user declined the confirmation). */
  | { phase: 'done'; outcome: RunOutcome | null }
  | { phase: 'failed'; error: AppError }
  /** Main refused to run the script until the user confirms it (nothing ran). */
  | { phase: 'confirm'; sql: string; request: ConfirmationRequest };

/** Called when a run ends with its outcome (the tab marks errors and restores focus). */
export type OnRunEnd = (outcome: RunOutcome | null, error: AppError | null) => void;

/** The run state plus run, cancel and confirmation actions for one connection. */
export function useQueryRun(
  connectionId: string,
  onEnd?: OnRunEnd,
): {
  state: RunState;
  /** Result sets announced while the current run streams. */
  live: ResultSetStarted[];
  /** Runs `sql`; `confirmed` re-runs a script the user confirmed. */
  run(sql: string, confirmed?: boolean): void;
  cancel(): void;
  /** The user declined the confirmation: nothing runs. */
  decline(): void;
} {
  const api = useApi();
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const [live, setLive] = useState<ResultSetStarted[]>([]);
  const resultIds = useRef<string[]>([]);
  const current = useRef<string | null>(null);
  const endRef = useRef(onEnd);
  useEffect(() => {
    endRef.current = onEnd;
  });

  const freeResults = useCallback(() => {
    for (const resultId of resultIds.current)
      api.call('result.close', { resultId }).catch(() => undefined);
    resultIds.current = [];
  }, [api]);

  useEffect(() => freeResults, [freeResults]);

  useEvent('query.resultSet', (started) => {
    if (started.runId === current.current) setLive((l) => [...l, started]);
  });

  const run = useCallback(
    (sql: string, confirmed = false) => {
      if (current.current) return;
      const runId = newRunId();
      current.current = runId;
      freeResults();
      setLive([]);
      setState({ phase: 'running', runId, startedAt: Date.now() });
      (async (): Promise<RunState> => {
        const outcome = await api.call(
          'query.run',
          confirmed ? { connectionId, sql, runId, confirmed } : { connectionId, sql, runId },
        );
        resultIds.current = outcome.statements.flatMap((s) => s.resultSets.map((r) => r.resultId));
        const request = confirmed ? null : confirmationOf(outcome);
        if (request) return { phase: 'confirm', sql, request };
        return { phase: 'done', outcome };
      })()
        .then(
          (done) => {
            if (current.current !== runId) return;
            setState(done);
            if (done.phase === 'done') endRef.current?.(done.outcome, null);
          },
          (err: unknown) => {
            if (current.current !== runId) return;
            const error = toAppError(err);
            setState({ phase: 'failed', error });
            endRef.current?.(null, error);
          },
        )
        .finally(() => {
          if (current.current === runId) current.current = null;
        });
    },
    [api, connectionId, freeResults],
  );

  const cancel = useCallback(() => {
    const runId = current.current;
    if (runId) api.call('query.cancel', { runId }).catch(() => undefined);
  }, [api]);

  const decline = useCallback(() => {
    setState({ phase: 'done', outcome: null });
    endRef.current?.(null, null);
  }, []);

  return { state, live, run, cancel, decline };
}
