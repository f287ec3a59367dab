/**
 * SQL Server showplan XML → the normalised PlanNode tree. A tokenizer-level walk is enough:
 * every operator is a `RelOp` element (PhysicalOp, LogicalOp, EstimateRows,
 * EstimatedTotalSubtreeCost), nested RelOps are its inputs, the first `Object` element inside it
 * names the relation, and `RunTimeCountersPerThread` (actual plans) carries actual rows and time.
 */
import type { PlanNode } from '../../../shared/query';

const TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'amp') return '&';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) out[m[1]!] = decode(m[2] ?? m[3] ?? '');
  return out;
}

const num = (v: string | undefined): number | undefined => (v === undefined || v === '' ? undefined : Number(v));
const unbracket = (v: string | undefined): string | undefined => v?.replace(/^\[|\]$/g, '');

interface Open {
  name: string;
  node?: PlanNode;
  /** Actual-row and time counters summed over threads, for RelOps. */
  actual?: { rows: number; ms: number; executions: number; seen: boolean };
  relationSet?: boolean;
}

/** Parses one showplan XML document into a tree (a Batch root when it holds several statements). */
export function parseShowplan(xml: string): PlanNode {
  const statements: PlanNode[] = [];
  const stack: Open[] = [];
  const innermost = (): Open | undefined => [...stack].reverse().find((o) => o.node);
  for (const m of xml.matchAll(TAG)) {
    if (m[2] === undefined) continue; // comment or processing instruction
    const closing = m[1] === '/';
    const name = m[2].replace(/^.*:/, '');
    if (closing) {
      const open = stack.pop();
      if (open?.actual?.seen && open.node) {
        open.node.actualRows = open.actual.rows;
        open.node.timeMs = open.actual.ms;
        open.node.detail = { ...open.node.detail, executions: open.actual.executions };
      }
      continue;
    }
    const attrs = attributes(m[3] ?? '');
    const selfClosing = m[4] === '/';
    const entry: Open = { name };
    if (name === 'StmtSimple' || name === 'StmtCond' || name === 'StmtCursor') {
      entry.node = {
        op: attrs.StatementType ?? name,
        ...(num(attrs.StatementEstRows) !== undefined ? { estimatedRows: num(attrs.StatementEstRows) } : {}),
        ...(num(attrs.StatementSubTreeCost) !== undefined ? { cost: num(attrs.StatementSubTreeCost) } : {}),
        detail: { statement: attrs.StatementText ?? '' },
        children: [],
      };
      statements.push(entry.node);
    } else if (name === 'RelOp') {
      entry.node = {
        op: attrs.PhysicalOp ?? 'RelOp',
        ...(num(attrs.EstimateRows) !== undefined ? { estimatedRows: num(attrs.EstimateRows) } : {}),
        ...(num(attrs.EstimatedTotalSubtreeCost) !== undefined ? { cost: num(attrs.EstimatedTotalSubtreeCost) } : {}),
        detail: {
          logicalOp: attrs.LogicalOp,
          nodeId: num(attrs.NodeId),
          // What the plan advisor needs: executions estimated (rebinds + rewinds + 1) and table size.
          estimatedExecutions: 1 + (num(attrs.EstimateRebinds) ?? 0) + (num(attrs.EstimateRewinds) ?? 0),
          ...(num(attrs.TableCardinality) !== undefined ? { tableCardinality: num(attrs.TableCardinality) } : {}),
          ...(num(attrs.EstimatedRowsRead) !== undefined ? { estimatedRowsRead: num(attrs.EstimatedRowsRead) } : {}),
        },
        children: [],
      };
      entry.actual = { rows: 0, ms: 0, executions: 0, seen: false };
      innermost()?.node?.children.push(entry.node);
    } else if (name === 'Object') {
      const owner = [...stack].reverse().find((o) => o.name === 'RelOp');
      if (owner?.node && !owner.relationSet && attrs.Table) {
        owner.relationSet = true;
        owner.node.relation = [unbracket(attrs.Schema), unbracket(attrs.Table)].filter(Boolean).join('.');
        if (attrs.Index) owner.node.detail = { ...owner.node.detail, index: unbracket(attrs.Index) };
      }
    } else if (name === 'ScalarOperator' && attrs.ScalarString) {
      // The first scalar under a RelOp's Predicate / SeekPredicates is its filter / seek condition.
      const owner = [...stack].reverse().find((o) => o.name === 'RelOp');
      const within = [...stack].reverse().find((o) => o.name === 'Predicate' || o.name === 'SeekPredicates' || o.name === 'SeekPredicateNew' || o.name === 'RelOp');
      const key = within?.name === 'Predicate' ? 'predicate' : within && within.name !== 'RelOp' ? 'seekPredicate' : undefined;
      if (owner?.node && key && owner.node.detail?.[key] === undefined) owner.node.detail = { ...owner.node.detail, [key]: attrs.ScalarString };
    } else if (name === 'SpillToTempDb' || name === 'SortSpillDetails' || name === 'HashSpillDetails') {
      const owner = [...stack].reverse().find((o) => o.name === 'RelOp');
      if (owner?.node) owner.node.detail = { ...owner.node.detail, spill: true, ...(attrs.SpillLevel ? { spillLevel: num(attrs.SpillLevel) } : {}) };
    } else if (name === 'RunTimeCountersPerThread') {
      const owner = [...stack].reverse().find((o) => o.name === 'RelOp');
      if (owner?.actual) {
        owner.actual.seen = true;
        owner.actual.rows += num(attrs.ActualRows) ?? 0;
        owner.actual.ms = Math.max(owner.actual.ms, num(attrs.ActualElapsedms) ?? 0);
        owner.actual.executions += num(attrs.ActualExecutions) ?? 0;
      }
    }
    if (!selfClosing) stack.push(entry);
  }
  if (statements.length === 1) return statements[0]!;
  return { op: 'Batch', children: statements };
}
