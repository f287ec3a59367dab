/**
 * Writes a docs export from a DocsBundle: a static HTML site, Markdown pages or the bundle as
 * JSON. Reports progress per table and stops at the next table when the signal aborts. Each table
 * awaits its file write, so a 1,000-table export never blocks the event loop for long.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocsBundle } from '../../../shared/docs';
import { AppError } from '../../../shared/errors';
import { siteContext, type SiteContext } from './context';
import { renderGlossaryPage, renderIndexPage, renderLintPage } from './htmlPages';
import { renderTablePage } from './htmlTable';
import { renderGlossaryMarkdown, renderLintMarkdown, renderReadme, renderTableMarkdown } from './markdownPages';
import { neighbourMermaid, neighbourSvg } from './neighbours';
import { SITE_CSS } from './siteAssets';

/** The output formats. */
export type DocsFormat = 'html' | 'md' | 'json';

/** Progress of an export: tables done of total. */
export interface DocsExportProgress {
  done: number;
  total: number;
  /** The table just written (`schema.table`), if any. */
  table?: string;
}

/** Options of an export. */
export interface DocsExportOptions {
  format: DocsFormat;
  /** The folder to write into (created when missing). For `json`, a path ending in `.json` names the file itself. */
  out: string;
  signal?: AbortSignal;
  onProgress?(p: DocsExportProgress): void;
  /** Draw neighbour diagrams (default true). */
  diagrams?: boolean;
}

/** What an export wrote. */
export interface DocsExportResult {
  format: DocsFormat;
  /** The folder (or, for a JSON file, the file) written. */
  path: string;
  /** The entry point to open: index.html, README.md or the JSON file. */
  entry: string;
  /** Files written, relative to the folder. */
  files: string[];
  /** Table pages written. */
  tablePages: number;
}

/** The file name of the JSON export inside a folder; `querygenie diff --from` reads it. */
export const DOCS_JSON_FILE = 'docs.json';

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('QUERY_CANCELLED', 'The docs export was cancelled; the files written so far are incomplete.');
}

/** Writes the export; rejects with QUERY_CANCELLED when aborted. */
export async function exportDocs(bundle: DocsBundle, opts: DocsExportOptions): Promise<DocsExportResult> {
  const total = bundle.snapshot.schemas.reduce((n, s) => n + s.tables.length, 0);
  checkAbort(opts.signal);
  if (opts.format === 'json') {
    const file = opts.out.toLowerCase().endsWith('.json') ? opts.out : path.join(opts.out, DOCS_JSON_FILE);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`);
    opts.onProgress?.({ done: total, total });
    return { format: 'json', path: file, entry: file, files: [path.basename(file)], tablePages: 0 };
  }
  const dir = opts.out;
  const stat = await fs.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory()) throw new AppError('BAD_REQUEST', `${dir} is a file; give --out a folder for the ${opts.format === 'html' ? 'HTML site' : 'Markdown pages'}.`);
  await fs.mkdir(path.join(dir, 'tables'), { recursive: true });
  const ctx = siteContext(bundle);
  const files: string[] = [];
  const write = async (rel: string, text: string): Promise<void> => {
    await fs.writeFile(path.join(dir, rel), text);
    files.push(rel);
  };
  const html = opts.format === 'html';
  let done = 0;
  opts.onProgress?.({ done, total });
  for (const e of ctx.index.entries) {
    checkAbort(opts.signal);
    const name = ctx.names.get(e)!;
    if (html) await write(`tables/${name}.html`, renderTablePage(ctx, e, opts.diagrams === false ? '' : diagramSvg(ctx, e)));
    else await write(`tables/${name}.md`, renderTableMarkdown(ctx, e, opts.diagrams === false ? '' : neighbourMermaid(ctx.index, e)));
    done++;
    opts.onProgress?.({ done, total, table: e.target });
  }
  checkAbort(opts.signal);
  if (html) {
    await write('style.css', SITE_CSS);
    await write('glossary.html', renderGlossaryPage(ctx));
    await write('lint.html', renderLintPage(ctx));
    await write('index.html', renderIndexPage(ctx));
  } else {
    await write('glossary.md', renderGlossaryMarkdown(ctx));
    await write('lint.md', renderLintMarkdown(ctx));
    await write('README.md', renderReadme(ctx));
  }
  return { format: opts.format, path: dir, entry: path.join(dir, html ? 'index.html' : 'README.md'), files, tablePages: ctx.index.entries.length };
}

/** A table's neighbour SVG; a drawing failure leaves the page without a diagram rather than failing the export. */
function diagramSvg(ctx: SiteContext, e: SiteContext['index']['entries'][number]): string {
  try {
    return neighbourSvg(ctx.index, e);
  } catch {
    return '';
  }
}
