/**
 * React bindings of the API client: a context provider, `useApi()`, `useRequest()` for data that
 * a component shows, `useEvent()` for streams, and `useLinkStatus()` for the connection banner.
 */
import {
  createContext,
  createElement,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ArgsOf, EventName, Method, PayloadOf, ResultOf } from '../../shared/contract';
import { parse, stringify } from '../../shared/codec';
import { toAppError, type AppError } from '../../shared/errors';
import type { ApiClient, LinkStatus } from './client';

const ApiContext = createContext<ApiClient | null>(null);

/** Makes `client` available to `useApi()` below it. */
export function ApiProvider(props: { client: ApiClient; children?: ReactNode }): ReactNode {
  return createElement(ApiContext.Provider, { value: props.client }, props.children);
}

/** The API client of the nearest ApiProvider. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiProvider> above it.');
  return client;
}

/** State of a request a component depends on. */
export interface RequestState<T> {
  data: T | undefined;
  error: AppError | undefined;
  loading: boolean;
  /** Runs the request again (e.g. a "Retry" button). */
  reload(): void;
}

/**
 * Calls `method` with `args` and re-calls when the args change (compared by value, so inline
 * objects are fine). Pass `null` as args to skip the call.
 */
export function useRequest<M extends Method>(
  method: M,
  args: ArgsOf<M> | null,
): RequestState<ResultOf<M>> {
  const api = useApi();
  const argsText = args === null ? null : stringify(args);
  const [generation, setGeneration] = useState(0);
  // One settled answer, tagged with the request it answers; anything else means "loading".
  const [settled, setSettled] = useState<{
    argsText: string;
    generation: number;
    data?: ResultOf<M>;
    error?: AppError;
  } | null>(null);

  useEffect(() => {
    if (argsText === null) return;
    let live = true;
    api.call(method, parse(argsText) as ArgsOf<M>).then(
      (data) => live && setSettled({ argsText, generation, data }),
      (err: unknown) => live && setSettled({ argsText, generation, error: toAppError(err) }),
    );
    return () => {
      live = false;
    };
  }, [api, method, argsText, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // A reload keeps showing the previous answer for the same args until the new one lands.
  const sameArgs = settled !== null && settled.argsText === argsText;
  return {
    data: sameArgs ? settled.data : undefined,
    error: sameArgs && settled.generation === generation ? settled.error : undefined,
    loading: argsText !== null && !(sameArgs && settled.generation === generation),
    reload,
  };
}

/** Subscribes to an event for the component's lifetime. */
export function useEvent<E extends EventName>(
  event: E,
  handler: (payload: PayloadOf<E>) => void,
): void {
  const api = useApi();
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  useEffect(() => api.on(event, (p) => handlerRef.current(p)), [api, event]);
}

/** The live link status (connecting / open / reconnecting). */
export function useLinkStatus(): LinkStatus {
  const api = useApi();
  return useSyncExternalStore(
    (cb) => api.onStatus(cb),
    () => api.status(),
  );
}
