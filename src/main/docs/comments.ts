/**
 * Comment write-back: previews and (only when asked) runs the DDL that stores the user's
 * descriptions as database comments, always built from the live catalog — for MySQL/MariaDB
 * columns that means the full definition from SHOW CREATE TABLE, since MODIFY COLUMN replaces it.
 */
import type { CommentApplyResult, CommentPreview, CommentStatement, DocTarget } from '../../shared/docs';
import { AppError } from '../../shared/errors';
import type { SchemaSnapshot } from '../../shared/schema';
import type { DriverConnection, RowSink } from '../drivers/types';
import { mysqlColumnComment, mysqlColumnDefinitions, mysqlTableComment, planComments, staticCommentStatements, type CommentPlan } from './commentDdl';
import type { DescriptionLookup } from './coverage';

const SQLITE_REASON = 'SQLite has no table or column comments, so descriptions stay in QueryGenie only (they still appear in the docs and exports).';

/** Builds the write-back statements for a live connection (reads the catalog; writes nothing). */
export async function commentPreview(conn: DriverConnection, descriptions: DescriptionLookup, targets?: readonly DocTarget[]): Promise<CommentPreview> {
  const engine = conn.dialect.engine;
  if (engine === 'sqlite') return { engine, supported: false, reason: SQLITE_REASON, statements: [], skipped: [] };
  const live = await conn.introspect();
  const plan = planComments(engine, live, descriptions, targets);
  const statements = engine === 'mysql' ? await mysqlStatements(conn, plan) : staticCommentStatements(engine, plan);
  return { engine, supported: true, statements, skipped: plan.skipped };
}

/** What `applyComments` needs to know about the profile. */
export interface ApplyGuard {
  name: string;
  readOnly: boolean;
  environment: string | null;
  confirmed: boolean;
}

/** Refuses write-back where it must not run: read-only profiles, SQLite, and prod without confirmation. */
export function assertCommentWriteAllowed(engine: string, guard: ApplyGuard): void {
  if (engine === 'sqlite') throw new AppError('UNSUPPORTED', SQLITE_REASON);
  if (guard.readOnly)
    throw new AppError('READ_ONLY_VIOLATION', `"${guard.name}" is read-only, so comments cannot be written to it. Turn off read-only in the connection's settings, or keep the descriptions in QueryGenie.`);
  if (guard.environment === 'prod' && !guard.confirmed)
    throw new AppError('CONFIRMATION_REQUIRED', `"${guard.name}" is tagged prod. Review the DDL preview and confirm to write the comments.`);
}

/**
 * Runs the write-back statements. PostgreSQL runs them in one transaction (all or nothing);
 * MySQL DDL commits each statement, so a failure reports how many already ran.
 */
export async function applyComments(conn: DriverConnection, statements: CommentStatement[]): Promise<number> {
  const transactional = conn.dialect.capabilities.transactionalDdl && conn.dialect.engine === 'postgres';
  let done = 0;
  if (transactional) await conn.execute('BEGIN', DISCARD);
  try {
    for (const st of statements) {
      await conn.execute(st.sql, DISCARD);
      done++;
    }
    if (transactional) await conn.execute('COMMIT', DISCARD);
  } catch (e) {
    if (transactional) await conn.execute('ROLLBACK', DISCARD).catch(() => undefined);
    const failed = statements[done];
    const message = e instanceof Error ? e.message : String(e);
    throw new AppError(
      'QUERY_ERROR',
      `Writing the comment of ${failed?.target ?? 'an object'} failed: ${message}. ${transactional ? 'Nothing was written.' : `${done} of ${statements.length} comments were written before it.`}`,
      { statements: statements.slice(done, done + 1) },
    );
  }
  return done;
}

/** The result of an apply, with when the schema was re-read. */
export function applyResult(applied: number, statements: CommentStatement[], snapshot: SchemaSnapshot): CommentApplyResult {
  return { applied, statements, capturedAt: snapshot.capturedAt };
}

const DISCARD: RowSink = { beginResultSet: () => undefined, rows: () => undefined, endResultSet: () => undefined };

async function selectRows(conn: DriverConnection, sql: string): Promise<unknown[][]> {
  const rows: unknown[][] = [];
  await conn.execute(sql, { beginResultSet: () => undefined, rows: (b) => void rows.push(...b), endResultSet: () => undefined });
  return rows;
}

async function mysqlStatements(conn: DriverConnection, plan: CommentPlan): Promise<CommentStatement[]> {
  if (!plan.writes.length) return [];
  const mode = String((await selectRows(conn, 'SELECT @@SESSION.sql_mode'))[0]?.[0] ?? '');
  const noBackslash = mode.toUpperCase().includes('NO_BACKSLASH_ESCAPES');
  const definitions = new Map<string, Map<string, string>>();
  const out: CommentStatement[] = [];
  for (const w of plan.writes) {
    const r = w.resolved;
    if (r.kind === 'table') {
      out.push({ target: w.target, sql: mysqlTableComment(r.schema, r.table.name, w.text, noBackslash) });
      continue;
    }
    const key = `${r.schema}\u0000${r.table.name}`;
    let defs = definitions.get(key);
    if (!defs) {
      const q = (n: string): string => conn.dialect.quoteIdentifier(n);
      const row = (await selectRows(conn, `SHOW CREATE TABLE ${q(r.schema)}.${q(r.table.name)}`))[0];
      defs = mysqlColumnDefinitions(String(row?.[1] ?? ''), noBackslash);
      definitions.set(key, defs);
    }
    const def = defs.get(r.column.name);
    // Without the exact definition, MODIFY COLUMN would change the column: refuse rather than guess.
    if (!def) throw new AppError('INTERNAL', `Could not read the definition of ${r.table.name}.${r.column.name} from SHOW CREATE TABLE; no comments were written.`);
    out.push({ target: w.target, sql: mysqlColumnComment(r.schema, r.table.name, def, w.text, noBackslash) });
  }
  return out;
}
