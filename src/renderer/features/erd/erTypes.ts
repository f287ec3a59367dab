/** The ER graph and layout shapes the view consumes, from the shared ER engine (one import place). */
export type { ErColumn, ErEdge, ErGraph, ErNode } from '../../../shared/erd/graph';
export type { ErEdgeRoute, ErLayout, ErPoint, ErRect, ErSide } from '../../../shared/erd/layout';
