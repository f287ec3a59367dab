/** What every page renderer of a docs export needs: the bundle, its table index and page names. */
import type { DocsBundle } from '../../../shared/docs';
import { TableIndex, type TableEntry } from '../../../shared/docsPage';
import { pageNames } from './names';

/** The shared state of one export. */
export interface SiteContext {
  bundle: DocsBundle;
  index: TableIndex;
  /** File base name of each table's page (no extension, no folder). */
  names: Map<TableEntry, string>;
}

/** Builds the context of an export. */
export function siteContext(bundle: DocsBundle): SiteContext {
  const index = new TableIndex(bundle.snapshot);
  return { bundle, index, names: pageNames(index) };
}

/** The page base name of a referenced table, or undefined when it is not in the snapshot. */
export function pageOf(ctx: SiteContext, schema: string, table: string): string | undefined {
  const e = ctx.index.get(schema, table);
  return e ? ctx.names.get(e) : undefined;
}

/** Lint findings per target (`schema.table` or `schema.table.column`). */
export function lintByTable(ctx: SiteContext): Map<TableEntry, number> {
  const out = new Map<TableEntry, number>();
  for (const f of ctx.bundle.lint) {
    const e = ctx.index.tableOf(f.target);
    if (e) out.set(e, (out.get(e) ?? 0) + 1);
  }
  return out;
}
