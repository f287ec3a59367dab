/** Runs a script in a tab and loads the first page of its first result; frees results it replaces. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { toAppError, type AppError } from '../../../shared/errors';
import type { ResultPage } from '../../../shared/query';
import { useApi } from '../../api/hooks';
import { confirmationOf, type ConfirmationRequest } from './confirm';
import { FIRST_PAGE_SIZE, newRunId, viewOfRun, type RunView } from './model';

/** State of the tab's latest run. */
export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; runId: string; startedAt: number }
  | { phase: 'done'; view: RunView; page: ResultPage | null; durationMs: number }
  | { phase: 'failed'; error: AppError }
  /** Main refused to run the script until the user confirms it (nothing ran). */
  | { phase: 'confirm'; sql: string; request: ConfirmationRequest };

/** The run state plus run, cancel and confirmation actions for one connection. */
export function useQueryRun(connectionId: string): {
  state: RunState;
  /** Runs `sql`; `confirmed` re-runs a script the user confirmed. */
  run(sql: string, confirmed?: boolean): void;
  cancel(): void;
  /** The user declined the confirmation: nothing runs. */
  decline(): void;
} {
  const api = useApi();
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const resultIds = useRef<string[]>([]);
  const current = useRef<string | null>(null);

  const freeResults = useCallback(() => {
    for (const resultId of resultIds.current)
      api.call('result.close', { resultId }).catch(() => undefined);
    resultIds.current = [];
  }, [api]);

  useEffect(() => freeResults, [freeResults]);

  const run = useCallback(
    (sql: string, confirmed = false) => {
      if (current.current) return;
      const runId = newRunId();
      current.current = runId;
      freeResults();
      setState({ phase: 'running', runId, startedAt: Date.now() });
      (async () => {
        const outcome = await api.call(
          'query.run',
          confirmed ? { connectionId, sql, runId, confirmed } : { connectionId, sql, runId },
        );
        resultIds.current = outcome.statements.flatMap((s) => s.resultSets.map((r) => r.resultId));
        const request = confirmed ? null : confirmationOf(outcome);
        if (request) return { phase: 'confirm', sql, request } as const;
        const view = viewOfRun(outcome);
        const page =
          view.kind === 'result'
            ? await api.call('result.page', {
                resultId: view.result.resultId,
                offset: 0,
                limit: FIRST_PAGE_SIZE,
              })
            : null;
        return {
          phase: 'done',
          view,
          page,
          durationMs: view.kind === 'result' ? view.statement.durationMs : outcome.durationMs,
        } as const;
      })()
        .then(
          (done) => current.current === runId && setState(done),
          (err: unknown) =>
            current.current === runId && setState({ phase: 'failed', error: toAppError(err) }),
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
    setState({
      phase: 'done',
      view: { kind: 'done', message: 'Nothing ran: the script was not confirmed.' },
      page: null,
      durationMs: 0,
    });
  }, []);

  return { state, run, cancel, decline };
}
