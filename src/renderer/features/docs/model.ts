/**
 * The pure model of the Docs view: the navigation tree (database → schema → tables) with a filter
 * and per-table coverage badges, which page a tab opens, lint grouping with rule switches, diff
 * summaries and export progress. No React, no DOM: unit-tested.
 */
import { LINT_RULES, type DocsBundle, type LintFinding, type LintRuleId, type SchemaChange, type SchemaDiff } from '../../../shared/docs';
import { docTarget, TableIndex } from '../../../shared/docsPage';
import type { TableKind } from '../../../shared/schema';

/** Which page the right side shows. */
export type DocsPage = { kind: 'overview' } | { kind: 'changes' } | { kind: 'table'; target: string };

/** A table row of the tree. */
export interface TreeTable {
  target: string;
  schema: string;
  name: string;
  kind: TableKind;
  /** Documented (described or commented) columns + the table itself, of all. */
  documented: number;
  total: number;
  /** 'full' | 'partial' | 'none': the badge colour. */
  level: 'full' | 'partial' | 'none';
}

/** A schema of the tree with its (filtered) tables. */
export interface TreeSchema {
  name: string;
  tables: TreeTable[];
  /** Tables before filtering. */
  count: number;
}

const has = (text: string | null | undefined): boolean => !!text && text.trim().length > 0;

/** Coverage of one table: the table and each column count once (description or comment). */
export function tableCoverage(bundle: Pick<DocsBundle, 'descriptions'>, schema: string, table: { name: string; comment: string | null; columns: { name: string; comment: string | null }[] }): { documented: number; total: number } {
  let documented = has(bundle.descriptions[docTarget(schema, table.name)]) || has(table.comment) ? 1 : 0;
  for (const c of table.columns) if (has(bundle.descriptions[docTarget(schema, table.name, c.name)]) || has(c.comment)) documented++;
  return { documented, total: table.columns.length + 1 };
}

/** The tree, filtered by a case-insensitive substring of `schema.table` or the description. */
export function buildTree(bundle: Pick<DocsBundle, 'snapshot' | 'descriptions'>, filter: string): TreeSchema[] {
  const q = filter.trim().toLowerCase();
  return bundle.snapshot.schemas.map((s) => {
    const tables: TreeTable[] = [];
    for (const t of s.tables) {
      const target = docTarget(s.name, t.name);
      if (q && !target.toLowerCase().includes(q) && !(bundle.descriptions[target] ?? '').toLowerCase().includes(q)) continue;
      const { documented, total } = tableCoverage(bundle, s.name, t);
      tables.push({ target, schema: s.name, name: t.name, kind: t.kind, documented, total, level: documented === total ? 'full' : documented === 0 ? 'none' : 'partial' });
    }
    return { name: s.name, tables, count: s.tables.length };
  });
}

/** The page a tab's parameters ask for: `table` (schema.table or a unique bare name), `page=changes`, else the overview. */
export function pageFromParams(params: Record<string, string>, index: TableIndex | null): DocsPage {
  if (params.table) {
    const hit = index?.find(params.table);
    return { kind: 'table', target: hit ? hit.target : params.table };
  }
  if (params.page === 'changes') return { kind: 'changes' };
  return { kind: 'overview' };
}

/** The next and previous table of the flat tree (keyboard navigation). */
export function stepTable(tree: TreeSchema[], current: string | null, delta: 1 | -1): string | null {
  const flat = tree.flatMap((s) => s.tables.map((t) => t.target));
  if (flat.length === 0) return null;
  const i = current === null ? -1 : flat.indexOf(current);
  if (i < 0) return delta === 1 ? flat[0]! : flat[flat.length - 1]!;
  return flat[Math.min(flat.length - 1, Math.max(0, i + delta))]!;
}

/** Lint findings per rule (every rule listed, in rule order), with whether the rule is on. */
export function lintGroups(findings: LintFinding[], disabled: readonly LintRuleId[]): { rule: (typeof LINT_RULES)[number]; enabled: boolean; findings: LintFinding[] }[] {
  return LINT_RULES.map((rule) => ({ rule, enabled: !disabled.includes(rule.id), findings: findings.filter((f) => f.rule === rule.id) }));
}

/** The rule list after switching one rule on or off. */
export function toggleRule(disabled: readonly LintRuleId[], rule: LintRuleId, enabled: boolean): LintRuleId[] {
  const rest = disabled.filter((r) => r !== rule);
  return enabled ? rest : [...rest, rule];
}

/** A one-line summary of a diff: "3 added, 1 removed, 2 changed (1 breaking)". */
export function diffSummary(diff: SchemaDiff): string {
  if (diff.changes.length === 0) return 'No changes.';
  const n = (c: SchemaChange['change']): number => diff.changes.filter((x) => x.change === c).length;
  const breaking = diff.changes.filter((x) => x.breaking).length;
  return `${n('added')} added, ${n('removed')} removed, ${n('changed')} changed${breaking ? ` (${breaking} breaking)` : ''}`;
}

/** The table a change is about (`schema.table`), for linking; null for schema-level changes. */
export function changeTable(change: SchemaChange, index: TableIndex | null): string | null {
  return index?.tableOf(change.target)?.target ?? null;
}

/** Export progress as a whole percentage (0 while the total is unknown). */
export function progressPercent(done: number, total: number): number {
  return total <= 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
}

/** True when an edited text differs from the saved one (ignoring trailing whitespace). */
export function isDirty(saved: string | undefined, draft: string): boolean {
  return (saved ?? '').trimEnd() !== draft.trimEnd();
}
