/**
 * `querygenie docs`: the data dictionary of a database as a static HTML site (works from
 * `file://`), Markdown pages with Mermaid diagrams, or the DocsBundle JSON that `querygenie diff
 * --from` reads. With `--conn` the user's descriptions, glossary and lint switches from the app
 * database are included; with `--url` only the database's own comments.
 */
import type { Command } from 'commander';
import type { DescriptionEntry, GlossaryTerm, LintRuleId } from '../../../shared/docs';
import { openAppDatabase } from '../../app/appDb';
import { appPaths, defaultHome } from '../../app/paths';
import { ConnectionStore } from '../../connections/store';
import { buildBundle } from '../../docs/bundle';
import { exportDocs, type DocsExportProgress, type DocsFormat } from '../../docs/site/exportDocs';
import { DocsStore } from '../../docs/store';
import { EXIT, reportError, UsageError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface DocsCliOptions extends TargetOptions {
  out: string;
  format: string;
  diagrams: boolean;
}

const FORMATS: readonly DocsFormat[] = ['html', 'md', 'json'];

/** The user's words about a saved connection, read from the app database. */
function userDocs(conn: string): { descriptions: DescriptionEntry[]; glossary: GlossaryTerm[]; disabledRules: LintRuleId[] } {
  const { db } = openAppDatabase(appPaths(defaultHome()).appDb);
  try {
    const id = new ConnectionStore(db).get(conn).id;
    const store = new DocsStore(db);
    return { descriptions: store.listDescriptions(id), glossary: store.glossary(id), disabledRules: store.lintSettings(id).disabled };
  } finally {
    db.close();
  }
}

/** Registers the command. */
export function registerDocsExport(program: Command, setExit: (code: number) => void): void {
  program
    .command('docs')
    .description('Write the data dictionary: a static HTML site (works offline from file://), Markdown pages with Mermaid diagrams, or the bundle JSON')
    .option('--url <url>', 'connection URL or SQLite file path (database comments only)')
    .option('--conn <name>', 'a saved connection (includes your descriptions and glossary)')
    .requiredOption('--out <dir>', 'folder to write into (for --format json also a FILE.json)')
    .option('--format <format>', 'html | md | json', 'html')
    .option('--no-diagrams', 'leave out the neighbour diagrams (faster on huge schemas)')
    .action(async (opts: DocsCliOptions) => setExit(await runDocs(opts)));
}

async function runDocs(opts: DocsCliOptions): Promise<number> {
  try {
    const format = opts.format as DocsFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes html, md or json (not "${opts.format}").`);
    const params = await resolveTarget(opts);
    const words = opts.conn ? userDocs(opts.conn) : { descriptions: [], glossary: [], disabledRules: [] };
    const conn = await openTarget(params);
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    try {
      process.stderr.write('reading the schema…\n');
      const snapshot = await conn.introspect({});
      const bundle = buildBundle({ snapshot, ...words });
      const { orphans: _orphans, ...plain } = bundle;
      let last = 0;
      const onProgress = (p: DocsExportProgress): void => {
        const now = Date.now();
        if (now - last < 250 && p.done < p.total) return;
        last = now;
        process.stderr.write(`writing pages: ${p.done}/${p.total}\n`);
      };
      const result = await exportDocs(plain, { format, out: opts.out, signal: controller.signal, onProgress, diagrams: opts.diagrams });
      const cov = bundle.coverage;
      const pct = (d: number, t: number): string => (t ? `${Math.round((d / t) * 100)}%` : '—');
      await write(
        `wrote ${result.files.length} files (${result.tablePages} table pages) to ${result.path}\n` +
          `open: ${result.entry}\n` +
          `coverage: tables ${pct(cov.tables.documented, cov.tables.total)} (${cov.tables.documented}/${cov.tables.total}), columns ${pct(cov.columns.documented, cov.columns.total)} (${cov.columns.documented}/${cov.columns.total})\n` +
          `lint: ${bundle.lint.length} findings\n`,
      );
      return EXIT.ok;
    } finally {
      process.off('SIGINT', onSigint);
      await conn.close().catch(() => undefined);
    }
  } catch (err) {
    return reportError(err);
  }
}
