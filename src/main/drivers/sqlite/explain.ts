/** Turns SQLite `EXPLAIN QUERY PLAN` rows (id, parent, detail) into the normalised PlanNode tree. */
import type { ExplainResult, PlanNode } from '../../../shared/query';
import { tokenize } from './checks';
import type { PlanRow } from './protocol';

/** Splits a detail line such as `SEARCH o USING INDEX ix (a=?)` into op, relation and the rest. */
export function parsePlanDetail(detail: string): Pick<PlanNode, 'op' | 'relation' | 'detail'> {
  const m = /^(SCAN|SEARCH)\s+(?:TABLE\s+)?("(?:[^"]|"")*"|\S+)(?:\s+AS\s+(\S+))?\s*(.*)$/i.exec(detail);
  if (!m) return { op: detail, detail: { text: detail } };
  const rest = m[4]!.trim();
  const index = /USING (?:COVERING |INTEGER PRIMARY KEY|PRIMARY KEY)?\s*(?:INDEX\s+(\S+))?/i.exec(rest);
  return {
    op: m[1]!.toUpperCase(),
    relation: m[2]!.replace(/^"|"$/g, ''),
    detail: {
      text: detail,
      ...(m[3] ? { alias: m[3] } : {}),
      ...(index?.[1] ? { index: index[1] } : {}),
    },
  };
}

/** Builds the plan tree from EQP rows (children keep the engine's order). */
export function planFromRows(rows: PlanRow[], analyzeRequested = false): ExplainResult {
  const root: PlanNode = { op: 'QUERY PLAN', children: [] };
  if (analyzeRequested) {
    root.detail = { note: 'SQLite has no EXPLAIN ANALYZE: this is the estimated plan only; the statement was not run.' };
  }
  const byId = new Map<number, PlanNode>();
  for (const r of rows) {
    const node: PlanNode = { ...parsePlanDetail(r.detail), children: [] };
    byId.set(r.id, node);
    (byId.get(r.parent) ?? root).children.push(node);
  }
  return { raw: rows, format: 'rows', plan: root };
}

/**
 * NULL bindings for every parameter placeholder in `sql`, so a statement written with `?`,
 * `?NNN`, `:name`, `@name` or `$name` can be explained without values (better-sqlite3 refuses
 * to run a statement with unbound parameters, even under EXPLAIN).
 */
export function nullBindings(sql: string): unknown[] {
  const tokens = tokenize(sql);
  let positional = 0;
  let numbered = 0;
  const named: Record<string, null> = {};
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    const adjacent = next !== undefined && next.start === t.end && next.kind === 'word';
    if (t.kind === 'punct' && t.text === '?') {
      if (adjacent && /^\d+$/.test(next.text)) numbered = Math.max(numbered, Number(next.text));
      else positional++;
    } else if (t.kind === 'punct' && (t.text === ':' || t.text === '@') && adjacent && /^[A-Za-z_]/.test(next.text)) {
      named[next.text] = null;
    } else if (t.kind === 'word' && /^\$[A-Za-z_]/.test(t.text)) named[t.text.slice(1)] = null;
  }
  const args: unknown[] = new Array(Math.max(positional, numbered)).fill(null);
  if (Object.keys(named).length) args.push(named);
  return args;
}
