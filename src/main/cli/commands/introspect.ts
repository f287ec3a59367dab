/** `querygenie introspect`: print a database's SchemaSnapshot. */
import type { Command } from 'commander';
import { snapshotCounts } from '../../../shared/schema';
import { EXIT, reportError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

/** Registers the command. */
export function registerIntrospect(program: Command, setExit: (code: number) => void): void {
  program
    .command('introspect')
    .description('Read the structure of a database (tables, columns, keys, indexes, …)')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--json', 'print the SchemaSnapshot as JSON')
    .option('--names-only', 'list tables and views only (fast on very large databases)')
    .action(async (opts: TargetOptions & { json?: boolean; namesOnly?: boolean }) => {
      try {
        const conn = await openTarget(await resolveTarget(opts));
        try {
          const snapshot = await conn.introspect({ namesOnly: opts.namesOnly === true });
          if (opts.json) await write(`${JSON.stringify(snapshot, null, 2)}\n`);
          else {
            const c = snapshotCounts(snapshot);
            const lines = [`${snapshot.engine} database "${snapshot.database}": ${c.tables} tables, ${c.views} views, ${c.columns} columns, ${c.foreignKeys} foreign keys, ${c.indexes} indexes`];
            for (const s of snapshot.schemas) {
              lines.push(`\n${s.name}`);
              for (const t of s.tables) lines.push(`  ${t.kind === 'table' ? '' : `(${t.kind}) `}${t.name}  [${t.columns.length} columns${t.rowEstimate !== null ? `, ~${t.rowEstimate} rows` : ''}]`);
            }
            await write(`${lines.join('\n')}\n`);
          }
          setExit(EXIT.ok);
        } finally {
          await conn.close().catch(() => undefined);
        }
      } catch (err) {
        setExit(reportError(err));
      }
    });
}
