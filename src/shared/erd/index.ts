/** ER diagram engine: graph from a snapshot, text measurement, ELK layout, and SVG / Mermaid / DBML renderers. */
export * from './graph';
export * from './measure';
export * from './layout';
export * from './svg';
export * from './mermaid';
export * from './dbml';
export * from './neighbourLayout';
