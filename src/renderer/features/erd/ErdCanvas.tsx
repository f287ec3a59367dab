/**
 * The diagram canvas: xyflow with table nodes and foreign-key edges, minimap, controls and
 * background. Only visible elements are rendered; hovering a table lights it, its neighbours and
 * their edges (one container class dims the rest, so a hover re-renders only the lit items).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type NodeChange,
  type ReactFlowState,
} from '@xyflow/react';
import { FkEdge, type FkFlowEdge } from './FkEdge';
import {
  adjacency,
  litClass,
  neighbourhood,
  withClasses,
  type FlowEdge,
  type FlowNode,
} from './model';
import { DETAIL_ZOOM, TableNode, type TableFlowNode } from './TableNode';

const nodeTypes = { table: TableNode };
const edgeTypes = { fk: FkEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 } };
const proOptions = { hideAttribution: true };
const farSelector = (s: ReactFlowState): boolean => s.transform[2] < DETAIL_ZOOM;
// Small diagrams are not blown up past their natural size.
const fitOptions = { padding: 0.08, maxZoom: 1, duration: 0 };

/** Props: the laid-out diagram, the table to show (search), and a callback with live positions. */
export interface ErdCanvasProps {
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Set to a table id to zoom to it and mark it; `seq` re-triggers the same table. */
  focus: { id: string; seq: number } | null;
  /** Called after a drag ends, with the current nodes and the ids just dragged. */
  onMoved(nodes: readonly FlowNode[], dragged: readonly string[]): void;
}

/** The xyflow canvas (must be inside a ReactFlowProvider). */
export function ErdCanvas(props: ErdCanvasProps): ReactNode {
  const rf = useReactFlow<TableFlowNode, FkFlowEdge>();
  const [nodes, setNodes] = useState<FlowNode[]>(props.nodes);
  const [hovered, setHovered] = useState<string | null>(null);
  // The search hit stays marked until the pane is clicked (or a new layout comes).
  const [clearedSeq, setClearedSeq] = useState(props.focus?.seq ?? 0);
  const { onMoved, focus } = props;

  // A new layout replaces the nodes (and forgets drags made on the old one).
  const [shownLayout, setShownLayout] = useState(props.nodes);
  if (shownLayout !== props.nodes) {
    setShownLayout(props.nodes);
    setNodes(props.nodes);
    setHovered(null);
    setClearedSeq(focus?.seq ?? 0);
  }
  // Fit each new diagram, except when the user has moved around and only the arrangement of the
  // same tables changed (the final layout replacing the stand-in): then the view stays put.
  const userMoved = useRef(false);
  const fittedIds = useRef('');
  useEffect(() => {
    const ids = props.nodes.map((n) => n.id).join('\n');
    if (userMoved.current && ids === fittedIds.current) return;
    fittedIds.current = ids;
    userMoved.current = false;
    const raf = requestAnimationFrame(() => void rf.fitView(fitOptions));
    return () => cancelAnimationFrame(raf);
  }, [props.nodes, rf]);
  const far = useStore(farSelector);

  const nodesRef = useRef(nodes);
  useEffect(() => {
    nodesRef.current = nodes;
  }, [nodes]);

  const found =
    focus && focus.seq !== clearedSeq && nodes.some((n) => n.id === focus.id) ? focus.id : null;
  useEffect(() => {
    if (!focus) return;
    const n = nodesRef.current.find((x) => x.id === focus.id);
    if (n)
      void rf.setCenter(n.position.x + n.width / 2, n.position.y + Math.min(n.height / 2, 200), {
        zoom: 1,
        duration: 300,
      });
  }, [focus, rf]);

  const adj = useMemo(() => adjacency(props.edges), [props.edges]);
  const lit = useMemo(() => (hovered ? neighbourhood(adj, hovered) : null), [adj, hovered]);
  const shownNodes = useMemo(
    () => withClasses(nodes, (n) => litClass(lit?.nodes ?? null, n.id, found)),
    [nodes, lit, found],
  );
  const shownEdges = useMemo(
    () => withClasses(props.edges, (e) => litClass(lit?.edges ?? null, e.id, null)),
    [props.edges, lit],
  );

  const onNodesChange = useCallback((changes: NodeChange<TableFlowNode>[]) => {
    // Our nodes carry fixed sizes; measuring changes are the only ones besides drags and selection.
    setNodes((ns) => applyNodeChanges(changes, ns as TableFlowNode[]) as FlowNode[]);
  }, []);

  return (
    <ReactFlow<TableFlowNode, FkFlowEdge>
      className={`erd-flow${hovered ? ' is-hovering' : ''}${far ? ' is-far' : ''}`}
      nodes={shownNodes as TableFlowNode[]}
      edges={shownEdges as FkFlowEdge[]}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      onNodesChange={onNodesChange}
      onNodeMouseEnter={(_, n) => setHovered(n.id)}
      onNodeMouseLeave={() => setHovered(null)}
      onNodeDragStop={(_, __, moved) =>
        requestAnimationFrame(() =>
          onMoved(
            nodesRef.current,
            moved.map((m) => m.id),
          ),
        )
      }
      onMoveStart={(event) => {
        if (event) userMoved.current = true;
      }}
      onPaneClick={() => setClearedSeq(focus?.seq ?? 0)}
      onlyRenderVisibleElements
      nodesConnectable={false}
      edgesFocusable={false}
      minZoom={0.02}
      maxZoom={2}
      proOptions={proOptions}
      fitView
      fitViewOptions={fitOptions}
    >
      {/* Zoomed far out the dot grid is a dense pattern that costs every frame: left out. */}
      {!far && <Background gap={24} size={1} />}
      <MiniMap pannable zoomable ariaLabel="Diagram overview" style={{ width: 168, height: 112 }} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
