/**
 * Loads what the diagram shows: the graph of the scope (schema, around a table, or a saved view
 * with its reconciliation flags), filtered to key columns when asked, laid out in the worker,
 * turned into xyflow nodes and edges. A change of scope or of the column mode cancels a running
 * layout (the worker is replaced), so only the latest answer is ever shown. The phase is derived
 * from which request each stored answer belongs to, never set ahead of time.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../api/hooks';
import { toAppError } from '../../../shared/errors';
import { fetchScope, type ErdScope, type OpenedView } from './erdApi';
import type { ErGraph, ErPoint } from './erTypes';
import { createLayoutRunner, LayoutCancelled } from './layoutJob';
import { cachedLayout, graphSignature, storeLayout } from './layoutCache';
import { quickLayout } from './quickLayout';
import { defaultKeysOnly, keysOnlyGraph, toFlow, type FlowEdge, type FlowNode } from './model';

/** Where loading stands, for the status line and the overlay. */
export type ErdPhase =
  | { phase: 'graph' }
  | { phase: 'layout'; tables: number }
  | { phase: 'ready'; tables: number; edges: number; ms: number }
  /** A stand-in layout is shown (interactive) while ELK computes the real one. */
  | { phase: 'refining'; tables: number; edges: number }
  | { phase: 'error'; message: string };

/** Everything the view renders. */
export interface ErdData {
  status: ErdPhase;
  /** The graph as loaded (all columns); null until the first answer. */
  graph: ErGraph | null;
  view: OpenedView | null;
  /** The latest drawn diagram (kept on screen while the next one loads). */
  flow: { nodes: FlowNode[]; edges: FlowEdge[] } | null;
  keysOnly: boolean;
  setKeysOnly(on: boolean): void;
  /** Remembers positions the user dragged to (kept across re-layouts of the same scope). */
  rememberPositions(p: Record<string, ErPoint>): void;
  /** Loads the scope again (after "add them", a save, or Retry). */
  reload(): void;
}

type Source = { key: string; graph: ErGraph; view: OpenedView | null };
type Drawn = { key: string; nodes: FlowNode[]; edges: FlowEdge[]; ms: number };

/** Above this many tables a stand-in layout is drawn at once while ELK works. */
export const QUICK_LAYOUT_THRESHOLD = 80;

/** Loads and lays out the diagram of `scope`. */
export function useErdData(connectionId: string, scope: ErdScope, active: boolean): ErdData {
  const api = useApi();
  const runner = useMemo(() => createLayoutRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);
  const [reloads, setReloads] = useState(0);
  const scopeKey = JSON.stringify(scope);
  const requestKey = `${connectionId}|${scopeKey}|${reloads}`;

  // A tab opened in the background loads when first shown.
  const [wanted, setWanted] = useState(active);
  if (active && !wanted) setWanted(true);

  const [source, setSource] = useState<Source | null>(null);
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [keysChoice, setKeysChoice] = useState<{ scopeKey: string; on: boolean } | null>(null);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const dragged = useRef<{ scopeKey: string; positions: Record<string, ErPoint> }>({
    scopeKey,
    positions: {},
  });

  useEffect(() => {
    if (!wanted) return;
    let live = true;
    fetchScope(api, connectionId, JSON.parse(scopeKey) as ErdScope).then(
      (loaded) => live && setSource({ key: requestKey, ...loaded }),
      (err: unknown) => live && setFailure({ key: requestKey, message: toAppError(err).message }),
    );
    return () => {
      live = false;
    };
  }, [api, connectionId, scopeKey, requestKey, wanted]);

  const current = source?.key === requestKey ? source : null;
  const keysOnly =
    keysChoice?.scopeKey === scopeKey
      ? keysChoice.on
      : current
        ? defaultKeysOnly(current.graph.nodes.length)
        : false;
  const shown = useMemo(
    () => (current ? (keysOnly ? keysOnlyGraph(current.graph) : current.graph) : null),
    [current, keysOnly],
  );
  const layoutKey = `${requestKey}|${keysOnly}`;

  const saved = current?.view?.view.positions;
  // What can be drawn at once: a layout computed before for the same graph, else (big graphs
  // without manual positions) the stand-in.
  const instant = useMemo(() => {
    if (!shown) return null;
    const signature = graphSignature(shown, saved ?? {});
    const hit = cachedLayout(signature);
    if (hit) return { signature, final: true, ...toFlow(shown, hit) };
    const canGuess = shown.nodes.length > QUICK_LAYOUT_THRESHOLD && !saved;
    return canGuess
      ? { signature, final: false, ...toFlow(shown, quickLayout(shown)) }
      : { signature, final: false, nodes: null, edges: null };
  }, [shown, saved]);

  useEffect(() => {
    if (!shown || !instant || instant.final) return;
    let live = true;
    // Tables dragged in this scope stay where they were put through a re-layout.
    const moved = dragged.current.scopeKey === scopeKey ? dragged.current.positions : {};
    const pinned = { ...(saved ?? {}), ...moved };
    const t0 = performance.now();
    runner.run(shown, Object.keys(pinned).length ? pinned : undefined).then(
      (layout) => {
        if (!live) return;
        if (Object.keys(moved).length === 0) storeLayout(instant.signature, layout);
        setDrawn({
          key: layoutKey,
          ...toFlow(shown, layout),
          ms: Math.round(performance.now() - t0),
        });
      },
      (err: unknown) => {
        if (!live || err instanceof LayoutCancelled) return;
        setFailure({ key: requestKey, message: toAppError(err).message });
      },
    );
    return () => {
      live = false;
    };
    // `requestKey` is implied by `shown`; keyed by layoutKey to rerun on mode changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, instant, layoutKey, runner]);

  const finalFlow =
    drawn?.key === layoutKey ? drawn : instant?.final ? { ...instant, ms: 0 } : null;
  const guessFlow = !finalFlow && instant?.nodes ? instant : null;
  let status: ErdPhase;
  if (failure?.key === requestKey) status = { phase: 'error', message: failure.message };
  else if (!shown) status = { phase: 'graph' };
  else if (finalFlow?.nodes)
    status = {
      phase: 'ready',
      tables: finalFlow.nodes.length,
      edges: finalFlow.edges.length,
      ms: finalFlow.ms,
    };
  else if (guessFlow?.nodes && guessFlow.edges)
    status = { phase: 'refining', tables: guessFlow.nodes.length, edges: guessFlow.edges.length };
  else status = { phase: 'layout', tables: shown.nodes.length };

  const setKeysOnly = useCallback((on: boolean) => setKeysChoice({ scopeKey, on }), [scopeKey]);
  const rememberPositions = useCallback(
    (p: Record<string, ErPoint>) => {
      const prev = dragged.current.scopeKey === scopeKey ? dragged.current.positions : {};
      dragged.current = { scopeKey, positions: { ...prev, ...p } };
    },
    [scopeKey],
  );
  const reload = useCallback(() => setReloads((r) => r + 1), []);
  // Shown: the final layout, else the stand-in, else the previous diagram until the new one lands.
  const best = finalFlow?.nodes ? finalFlow : guessFlow?.nodes ? guessFlow : drawn;
  const bestNodes = best?.nodes ?? null;
  const bestEdges = best?.edges ?? null;
  const flow = useMemo(
    () => (bestNodes && bestEdges ? { nodes: bestNodes, edges: bestEdges } : null),
    [bestNodes, bestEdges],
  );

  return {
    status,
    graph: current?.graph ?? null,
    view: current?.view ?? null,
    flow,
    keysOnly,
    setKeysOnly,
    rememberPositions,
    reload,
  };
}
