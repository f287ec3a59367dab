/** `querygenie erd`: an ER diagram of a database as SVG, PNG, Mermaid or DBML. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { describeTarget } from '../../../shared/connection';
import { formatFromPath, renderErd } from '../../erd/render';
import { EXIT, reportError, UsageError } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface ErdOptions extends TargetOptions {
  out?: string;
  table?: string;
  hops?: string;
  schema?: string[];
  title?: string;
}

/** Registers the command(s). */
export function registerErd(program: Command, setExit: (code: number) => void): void {
  program
    .command('erd')
    .description('Draw an ER diagram of a database (whole, or around a table) as .svg, .png, .mmd (Mermaid) or .dbml')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--out <file>', 'output file; its extension picks the format: .svg, .png, .mmd, .dbml')
    .option('--table <name>', 'centre the diagram on this table (schema.table or a unique table name)')
    .option('--hops <n>', 'with --table: follow foreign keys this many steps both ways (default 1)')
    .option('--schema <name...>', 'only these schemas')
    .option('--title <text>', 'title drawn above the diagram')
    .action(async (opts: ErdOptions) => {
      try {
        if (!opts.out) throw new UsageError('Say where to write the diagram: --out FILE.svg|.png|.mmd|.dbml');
        const format = formatFromPath(opts.out);
        if (!format) throw new UsageError(`Unknown diagram format "${path.extname(opts.out) || opts.out}": use .svg, .png, .mmd or .dbml.`);
        let hops: number | undefined;
        if (opts.hops !== undefined) {
          hops = Number(opts.hops);
          if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new UsageError('--hops takes a whole number from 0 to 10.');
          if (!opts.table) throw new UsageError('--hops needs --table: the table to count the hops from.');
        }
        const params = await resolveTarget(opts);
        process.stderr.write(`Reading the schema of ${describeTarget(params)}…\n`);
        const conn = await openTarget(params);
        let snapshot;
        try {
          snapshot = await conn.introspect({});
        } finally {
          await conn.close().catch(() => undefined);
        }
        const schemas = opts.schema?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
        if (schemas?.length) {
          const unknown = schemas.filter((s) => !snapshot.schemas.some((x) => x.name === s));
          if (unknown.length) throw new UsageError(`Unknown schema ${unknown.join(', ')}; this database has: ${snapshot.schemas.map((s) => s.name).join(', ')}.`);
        }
        const t0 = performance.now();
        const rendered = await renderErd(snapshot, {
          format,
          ...(opts.table ? { focus: opts.table, hops: hops ?? 1 } : {}),
          ...(schemas?.length ? { schemas } : {}),
          ...(opts.title ? { title: opts.title } : {}),
        });
        const { graph } = rendered;
        await fs.mkdir(path.dirname(path.resolve(opts.out)), { recursive: true });
        await fs.writeFile(opts.out, rendered.content);
        const hidden = graph.hiddenLinks ? `, ${graph.hiddenLinks} links to tables not shown` : '';
        process.stderr.write(`Wrote ${opts.out} (${format}): ${graph.nodes.length} tables, ${graph.edges.length} foreign keys${hidden} in ${Math.round(performance.now() - t0)} ms\n`);
        setExit(EXIT.ok);
      } catch (err) {
        setExit(reportError(err));
      }
    });
}
