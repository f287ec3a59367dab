/** `querygenie diff`: the changes between two schema snapshots; exit 1 when any change is breaking, so CI can fail on it. */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import type { SchemaChange, SchemaDiff } from '../../../shared/docs';
import type { SchemaSnapshot } from '../../../shared/schema';
import { diffSnapshots } from '../../docs/diff';
import { EXIT, UsageError, reportError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface DiffOptions extends TargetOptions {
  from?: string;
  to?: string;
  json?: boolean;
}

/** Registers the command. */
export function registerDiff(program: Command, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('Compare two schema snapshots (exit 1 when something was removed or changed incompatibly)')
    .requiredOption('--from <file>', 'the earlier snapshot (JSON from `introspect --json` or `docs --format json`)')
    .option('--to <file>', 'the later snapshot (JSON)')
    .option('--url <url>', 'compare against this live database instead of a file')
    .option('--conn <name>', 'compare against this saved connection instead of a file')
    .option('--json', 'print the SchemaDiff as JSON')
    .action(async (opts: DiffOptions) => {
      try {
        const sources = [opts.to, opts.url, opts.conn].filter((x) => x !== undefined).length;
        if (sources !== 1) throw new UsageError('Say what to compare --from against: exactly one of --to FILE, --url URL or --conn NAME.');
        const before = await readSnapshotFile(opts.from!);
        const after = opts.to !== undefined ? await readSnapshotFile(opts.to) : await liveSnapshot(opts);
        const diff = diffSnapshots(before, after);
        await write(opts.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
        setExit(diff.breaking ? EXIT.error : EXIT.ok);
      } catch (err) {
        setExit(reportError(err));
      }
    });
}

/** Reads a SchemaSnapshot (or a docs bundle holding one) from a JSON file; a bad file is a usage error. */
export async function readSnapshotFile(file: string): Promise<SchemaSnapshot> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new UsageError(`Cannot read ${file}. Give the path of a snapshot written by \`querygenie introspect --json > file.json\`.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON. Give a snapshot written by \`querygenie introspect --json\`.`);
  }
  const candidate = isSnapshot(doc) ? doc : isSnapshot((doc as { snapshot?: unknown } | null)?.snapshot) ? (doc as { snapshot: SchemaSnapshot }).snapshot : null;
  if (!candidate) throw new UsageError(`${file} is not a schema snapshot (it needs "engine", "database" and "schemas"). Write one with \`querygenie introspect --json\`.`);
  return candidate;
}

function isSnapshot(x: unknown): x is SchemaSnapshot {
  const s = x as Partial<SchemaSnapshot> | null;
  return typeof s === 'object' && s !== null && typeof s.engine === 'string' && typeof s.database === 'string' && Array.isArray(s.schemas);
}

async function liveSnapshot(opts: TargetOptions): Promise<SchemaSnapshot> {
  const conn = await openTarget(await resolveTarget({ url: opts.url, conn: opts.conn, readOnly: true }));
  try {
    return await conn.introspect();
  } finally {
    await conn.close().catch(() => undefined);
  }
}

const SIGN: Record<SchemaChange['change'], string> = { added: '+', removed: '-', changed: '~' };

/** The human form: changes grouped by table, `+` added, `-` removed, `~` changed, breaking ones marked. */
export function formatDiff(diff: SchemaDiff): string {
  const lines = [`Schema diff: "${diff.from.database}" (${diff.from.capturedAt}) → "${diff.to.database}" (${diff.to.capturedAt})`];
  if (!diff.changes.length) return `${lines[0]}\nNo changes.\n`;
  const groups = new Map<string, SchemaChange[]>();
  for (const c of diff.changes) {
    const key = c.table ?? `schema ${c.target}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [group, changes] of groups) {
    lines.push('', group);
    for (const c of changes) {
      const name = c.table && c.target !== c.table ? c.target.slice(c.table.length + 1) : '';
      const what = c.object.replace('_', ' ');
      const desc = c.change === 'changed' ? (c.detail ?? `${c.before ?? ''} → ${c.after ?? ''}`) : [c.change === 'added' ? c.after : c.before, c.detail].filter(Boolean).join('  ');
      lines.push(`  ${SIGN[c.change]} ${what}${name ? ` ${name}` : ''}${desc ? `  ${desc}` : ''}${c.breaking ? '  [breaking]' : ''}`);
    }
  }
  const breaking = diff.changes.filter((c) => c.breaking).length;
  lines.push('', `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'}, ${breaking} breaking.`);
  return `${lines.join('\n')}\n`;
}
