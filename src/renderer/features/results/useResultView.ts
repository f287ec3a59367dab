/**
 * The rows a grid shows for one result set: a windowed page cache over the spool, with the row
 * count growing live while the result streams; sorted/filtered in the renderer when the result
 * is complete and small, or by re-running the statement wrapped in ORDER BY/WHERE when large.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Engine } from '../../../shared/connection';
import { AppError, toAppError } from '../../../shared/errors';
import type { ColumnMeta, StatementOutcome } from '../../../shared/query';
import type { Row } from '../../../shared/values';
import { useApi, useEvent } from '../../api/hooks';
import {
  CLIENT_SORT_LIMIT,
  hasFilters,
  requeryBlocker,
  sortAndFilter,
  wrapQuery,
  type Filters,
  type SortSpec,
} from './gridModel';
import { PageCache, pageErrorMessage } from './pageCache';

/** What the grid reads rows from. */
export interface RowSource {
  rowCount: number;
  complete: boolean;
  /** The row at a display index, or undefined while loading. */
  row(index: number): Row | undefined;
  /** The viewport shows these display rows: load them (and around them). */
  want(first: number, last: number): void;
  /** Reads display rows [first, first + count) for copying. */
  read(first: number, count: number): Promise<Row[]>;
}

/** Inputs of `useResultView`. */
export interface ResultViewInput {
  resultId: string;
  columns: ColumnMeta[];
  rowCount: number;
  complete: boolean;
  statement?: StatementOutcome | undefined;
  connectionId?: string | undefined;
  engine?: Engine | undefined;
}

/** How sorting and filtering work for this result right now. */
export type SortMode = 'client' | 'server' | 'disabled';

/** The grid's data plus sort/filter state. */
export interface ResultView {
  source: RowSource;
  sort: SortSpec | null;
  filters: Filters;
  setSort(sort: SortSpec | null): void;
  setFilters(filters: Filters): void;
  mode: SortMode;
  /** Why sorting is disabled (tooltip), or null. */
  disabledReason: string | null;
  busy: boolean;
  error: AppError | null;
  /** Why the grid's rows could not be read (e.g. the result was closed), said for the user; or null. */
  pageError: string | null;
}

/** A page cache for `resultId`, closed when it changes. */
function usePageCache(resultId: string | null, rowCount: number, complete: boolean): PageCache | null {
  const api = useApi();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const cache = useMemo(
    () =>
      resultId
        ? new PageCache((offset, limit) => api.call('result.page', { resultId, offset, limit }))
        : null,
    [api, resultId],
  );
  useEffect(() => {
    if (!cache) return;
    cache.open();
    const off = cache.subscribe(bump);
    return () => {
      off();
      cache.close();
    };
  }, [cache]);
  useEffect(() => cache?.setCount(rowCount, complete), [cache, rowCount, complete]);
  useEvent('query.progress', (p) => {
    if (cache && p.resultId === resultId) cache.setCount(p.rowCount, false);
  });
  return cache;
}

function cacheSource(cache: PageCache | null): RowSource {
  return {
    rowCount: cache?.total ?? 0,
    complete: cache?.complete ?? false,
    row: (i) => cache?.row(i),
    want: (a, b) => cache?.want(a, b, 1),
    read: async (a, n) => (cache ? cache.read(a, n) : []),
  };
}

/** The view of one result set (see the module comment). */
export function useResultView(input: ResultViewInput): ResultView {
  const api = useApi();
  const { resultId, columns, rowCount, complete, statement, connectionId, engine } = input;
  const [sort, setSort] = useState<SortSpec | null>(null);
  const [filters, setFilters] = useState<Filters>({});
  const [allRows, setAllRows] = useState<Row[] | null>(null);
  /** The latest re-query answer, tagged with the SQL it answers. */
  const [requery, setRequery] = useState<{ sql: string; resultId: string; rowCount: number } | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: AppError } | null>(null);
  const base = usePageCache(resultId, rowCount, complete);

  const active = sort !== null || hasFilters(filters);
  const blocker = requeryBlocker(statement, connectionId);
  const mode: SortMode =
    complete && rowCount <= CLIENT_SORT_LIMIT ? 'client' : !complete ? 'disabled' : blocker ? 'disabled' : 'server';
  const disabledReason =
    mode !== 'disabled' ? null : !complete ? 'Sorting and filtering are available once the result is complete.' : blocker;
  const columnsKey = columns.map((c) => c.name).join('\u0000');
  const wantedSql =
    mode === 'server' && active && statement
      ? wrapQuery(statement.sql, columnsKey.split('\u0000'), sort, filters, engine)
      : null;
  const current = requery && requery.sql === wantedSql ? requery : null;
  const sorted = usePageCache(current?.resultId ?? null, current?.rowCount ?? 0, true);
  const needAll = mode === 'client' && active && !allRows;

  // Client mode: read the whole (small) result once, in 100,000-row pages.
  useEffect(() => {
    if (!needAll) return;
    let live = true;
    (async () => {
      const rows: Row[] = [];
      for (let offset = 0; offset < rowCount; offset += 100_000) {
        const page = await api.call('result.page', { resultId, offset, limit: 100_000 });
        for (const row of page.rows) rows.push(row);
      }
      return rows;
    })().then(
      (rows) => live && setAllRows(rows),
      (err: unknown) => live && setFailure({ key: 'all', error: toAppError(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, needAll, resultId, rowCount]);

  const order = useMemo(
    () => (mode === 'client' && active && allRows ? sortAndFilter(allRows, sort, filters) : null),
    [mode, active, allRows, sort, filters],
  );

  // Server mode: re-run the statement sorted/filtered; free the result it replaces.
  const requeryRef = useRef<string | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  useEffect(() => {
    const release = (id: string | null): void => {
      if (id) api.call('result.close', { resultId: id }).catch(() => undefined);
    };
    if (!wantedSql || !connectionId) {
      release(requeryRef.current);
      requeryRef.current = null;
      return;
    }
    let live = true;
    const runId = `sort-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;
    // One run at a time on the session: wait for the superseded re-query (cancelled below).
    const run = chain.current
      .then(() => (live ? api.call('query.run', { connectionId, sql: wantedSql, runId, history: false }) : null))
      .then((outcome) => {
        if (!outcome) return;
        const st = outcome.statements[0];
        const rs = st?.resultSets[0];
        if (!live) return release(rs?.resultId ?? null);
        if (st?.error) throw AppError.fromData(st.error);
        if (!rs) return;
        release(requeryRef.current);
        requeryRef.current = rs.resultId;
        setRequery({ sql: wantedSql, resultId: rs.resultId, rowCount: rs.rowCount });
      })
      .catch((err: unknown) => {
        if (live) setFailure({ key: wantedSql, error: toAppError(err) });
      });
    chain.current = run;
    return () => {
      live = false;
      api.call('query.cancel', { runId }).catch(() => undefined);
    };
  }, [api, wantedSql, connectionId]);
  useEffect(
    () => () => {
      if (requeryRef.current) api.call('result.close', { resultId: requeryRef.current }).catch(() => undefined);
    },
    [api],
  );

  const error =
    failure && (failure.key === 'all' ? needAll : failure.key === wantedSql) ? failure.error : null;
  const busy = error === null && (needAll || (wantedSql !== null && current === null));

  // The caches mutate in place and re-render this hook through `bump`: derive on every render.
  const source: RowSource =
    order && allRows
      ? {
          rowCount: order.length,
          complete: true,
          row: (i) => allRows[order[i]!],
          want: () => undefined,
          read: async (a, n) => Array.from(order.subarray(a, a + n), (i) => allRows[i]!),
        }
      : cacheSource(current ? sorted : base);

  const shown = order && allRows ? null : current ? sorted : base;
  const pageError = shown?.error ? pageErrorMessage(shown.error) : null;

  const updateSort = useCallback((s: SortSpec | null) => setSort(s), []);
  return { source, sort, filters, setSort: updateSort, setFilters, mode, disabledReason, busy, error, pageError };
}
