/** Documentation coverage: the share of tables (and views) and columns with a description or a database comment. */
import type { DocsCoverage, DocTarget } from '../../shared/docs';
import type { SchemaSnapshot } from '../../shared/schema';
import { columnTarget, hasText, tableTarget } from './targets';

/** Descriptions as a map or a record, target → Markdown. */
export type DescriptionLookup = ReadonlyMap<DocTarget, string> | Readonly<Record<DocTarget, string>>;

/** The description of a target, if any (map or record). */
export function descriptionOf(descriptions: DescriptionLookup, target: DocTarget): string | undefined {
  if (descriptions instanceof Map) return descriptions.get(target);
  const rec = descriptions as Readonly<Record<DocTarget, string>>;
  return Object.prototype.hasOwnProperty.call(rec, target) ? rec[target] : undefined;
}

/** Computes coverage; an object counts as documented when the user described it or the database has a comment. */
export function computeCoverage(snapshot: SchemaSnapshot, descriptions: DescriptionLookup): DocsCoverage {
  const tables = { documented: 0, total: 0 };
  const columns = { documented: 0, total: 0 };
  for (const s of snapshot.schemas) {
    for (const t of s.tables) {
      tables.total++;
      if (hasText(t.comment) || hasText(descriptionOf(descriptions, tableTarget(s.name, t.name)))) tables.documented++;
      for (const c of t.columns) {
        columns.total++;
        if (hasText(c.comment) || hasText(descriptionOf(descriptions, columnTarget(s.name, t.name, c.name)))) columns.documented++;
      }
    }
  }
  const total = tables.total + columns.total;
  return { tables, columns, ratio: total === 0 ? 0 : (tables.documented + columns.documented) / total };
}
