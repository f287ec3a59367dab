/**
 * MySQL/MariaDB, SQLite and SQL Server classification: keyword rules first (see rules.ts), then
 * node-sql-parser's AST for everything else. One parser per dialect, loaded synchronously on
 * first use (the per-dialect builds are a tenth of the all-dialect bundle).
 */
import { createRequire } from 'node:module';
import type { SplitterDialect } from '../../drivers/types';
import { splitTokensAtSemicolons, tokenizeSql, type SqlToken } from '../sqlTokens';
import { classifyPostgres } from './postgres';
import { applyRules, type GenericDatabase } from './rules';
import {
  combineVerdicts,
  ddlVerdict,
  otherVerdict,
  readVerdict,
  sessionVerdict,
  settingTruth,
  unverifiedVerdict,
  writeVerdict,
  type StatementClassification,
} from './verdict';
import { asArray, firstHit, isObj, type AstObject } from './ast';

interface SqlParser {
  astify(sql: string, options?: { database?: string }): unknown;
}
type ParserClass = new () => SqlParser;
interface ParserModule {
  Parser?: ParserClass;
  default?: { Parser?: ParserClass };
}
const requireFromHere = createRequire(import.meta.url);
const parsers = new Map<GenericDatabase, SqlParser>();

/** The (cached) node-sql-parser instance for `db`. */
export function loadGenericParser(db: GenericDatabase): SqlParser {
  let parser = parsers.get(db);
  if (!parser) {
    const m = requireFromHere(`node-sql-parser/build/${db}.js`) as ParserModule;
    const Parser = m.Parser ?? m.default?.Parser;
    if (!Parser) throw new Error(`node-sql-parser build for ${db} has no Parser export`);
    parser = new Parser();
    parsers.set(db, parser);
  }
  return parser;
}

const TOKEN_DIALECT: Record<GenericDatabase, SplitterDialect> = {
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite: 'sqlite',
  transactsql: 'mssql',
};
const WRITE_TYPES = new Map([
  ['insert', 'INSERT'],
  ['replace', 'REPLACE'],
  ['update', 'UPDATE'],
  ['delete', 'DELETE'],
  ['merge', 'MERGE'],
  ['load_data', 'LOAD DATA'],
]);
const DDL_TYPES = new Set(['create', 'alter', 'drop', 'truncate', 'rename', 'grant', 'revoke', 'comment']);
/** Functions that reach outside the statement (remote servers, files, extensions). */
const SIDE_EFFECT_FUNCTIONS = new Set(['load_extension', 'writefile', 'openquery', 'openrowset', 'opendatasource', 'sys_exec', 'sys_eval']);
/** MySQL variables that hold the session or server in read-only mode. */
const READ_ONLY_VARIABLES = new Set(['transaction_read_only', 'tx_read_only']);
const SERVER_READ_ONLY_VARIABLES = new Set(['read_only', 'super_read_only', 'offline_mode']);

/** Classifies one statement (or a batch) for a node-sql-parser dialect. */
export function classifyGeneric(sql: string, db: GenericDatabase): StatementClassification {
  const tokens = tokenizeSql(sql, TOKEN_DIALECT[db]);
  const parts = splitTokensAtSemicolons(tokens);
  const verdicts: StatementClassification[] = [];
  for (const part of parts) {
    const text = parserText(sql, part, db);
    const ruled = applyRules(part, db, (offset) => classifyGeneric(sql.slice(offset, part[part.length - 1].end), db));
    verdicts.push(ruled ?? classifyParsed(text, db));
  }
  const combined = combineVerdicts(verdicts);
  // A compound body (trigger, routine, T-SQL IF … BEGIN … END) was cut at its own `;`: judge it whole.
  if (parts.length > 1 && combined.kind === 'other' && !combined.readOnlySafe) {
    const whole = classifyParsed(sql, db);
    if (whole.kind !== 'other') return whole;
  }
  return combined;
}

function classifyParsed(sql: string, db: GenericDatabase): StatementClassification {
  const parser = loadGenericParser(db);
  let ast: unknown;
  try {
    ast = parser.astify(sql, { database: db });
  } catch (err) {
    return (db === 'sqlite' ? sqliteReadViaPostgres(sql) : null) ?? unverifiedVerdict(err instanceof Error ? err.message : String(err));
  }
  const nodes = Array.isArray(ast) ? ast : [ast];
  return combineVerdicts(nodes.map(classifyAst));
}

/**
 * The text of one statement for node-sql-parser. For MySQL it is rebuilt from the tokens so the
 * parser reads what the server runs: the inside of /*! … *\/ comments is code (the parser would
 * skip it, hiding e.g. `INTO OUTFILE`), other comments become spaces, and `--x` (minus minus x
 * to MySQL, a comment to the parser) gets a space.
 */
function parserText(sql: string, part: SqlToken[], db: GenericDatabase): string {
  if (db !== 'mysql' && db !== 'mariadb') return sql.slice(part[0].start, part[part.length - 1].end);
  let text = part[0].text;
  for (let k = 1; k < part.length; k++) {
    const [a, b] = [part[k - 1], part[k]];
    const gap = sql.slice(a.end, b.start);
    text += (/^\s*$/.test(gap) && !(a.text === '-' && b.text === '-') ? gap : ' ') + b.text;
  }
  return text;
}

/**
 * node-sql-parser's SQLite grammar lacks common read syntax (`SUM(x) OVER (ORDER BY …)`, …).
 * SQLite's SELECT is close to PostgreSQL's, so text the real PostgreSQL parser reads as a pure
 * read (no DML, no locking, no write function) is accepted; nothing else is.
 */
function sqliteReadViaPostgres(sql: string): StatementClassification | null {
  const verdict = classifyPostgres(sql);
  if (verdict.kind !== 'read') return null;
  const callsSideEffect = tokenizeSql(sql, 'sqlite').some((t) => t.kind === 'word' && SIDE_EFFECT_FUNCTIONS.has(t.value.toLowerCase()));
  return callsSideEffect ? null : readVerdict(`${verdict.reason} (checked with the PostgreSQL grammar)`);
}

function classifyAst(node: unknown): StatementClassification {
  if (!isObj(node) || typeof node.type !== 'string') {
    return otherVerdict('the statement was not recognised (the parser read it as something else)');
  }
  const type = node.type;
  const write = WRITE_TYPES.get(type);
  if (write) return writeVerdict(`${write} changes rows`);
  if (DDL_TYPES.has(type)) return ddlVerdict(`${type.toUpperCase()} changes the schema or privileges`);
  switch (type) {
    case 'select':
      return classifySelect(node);
    case 'show':
    case 'desc':
      return readVerdict(`${type.toUpperCase()} reads metadata`);
    case 'explain':
      return readVerdict('EXPLAIN shows a plan without running the statement');
    case 'call':
    case 'exec':
      return writeVerdict(`${type.toUpperCase()} runs a procedure whose effect cannot be checked`);
    case 'transaction':
      return JSON.stringify(node.expr ?? '').toLowerCase().includes('read write')
        ? { kind: 'transaction', reason: 'a READ WRITE transaction could change data', readOnlySafe: false }
        : { kind: 'transaction', reason: 'transaction control', readOnlySafe: true };
    case 'set':
      return classifySet(node);
    case 'use':
      return sessionVerdict('USE switches the default database', true);
    case 'declare':
      return nestedWrite(node) ?? sessionVerdict('DECLARE declares a variable', true);
    case 'if':
      return combineVerdicts([
        nestedWrite(node.boolean_expr) ?? readVerdict('IF condition'),
        ...branchStatements(node.if_expr).map(classifyAst),
        ...branchStatements(node.else_expr).map(classifyAst),
      ]);
    case 'lock':
      return writeVerdict('LOCK TABLES takes locks meant for writing');
    case 'unlock':
      return sessionVerdict("UNLOCK TABLES releases this session's locks", true);
    case 'attach':
      return sessionVerdict('ATTACH opens another database file for writing', false);
  }
  return otherVerdict(`${type.toUpperCase()} is not a known read-only statement`);
}

function classifySelect(node: AstObject): StatementClassification {
  const into = isObj(node.into) ? node.into : null;
  if (into && into.expr !== undefined && into.expr !== null) {
    if (into.keyword !== 'var') return writeVerdict('SELECT … INTO writes a table or file');
  }
  if (node.locking_read || node.for_update) return writeVerdict('SELECT … FOR UPDATE/SHARE locks rows for writing');
  return nestedWrite(node) ?? readVerdict('SELECT reads data');
}

function classifySet(node: AstObject): StatementClassification {
  const keyword = String(node.keyword ?? '').toUpperCase();
  if (keyword === 'GLOBAL' || keyword.startsWith('PERSIST')) {
    return sessionVerdict(`SET ${keyword} changes a server-wide setting`, false);
  }
  const verdicts = asArray(node.expr).map((assign): StatementClassification => {
    const a = isObj(assign) ? assign : {};
    const left = isObj(a.left) ? a.left : {};
    if (left.prefix === '@') return sessionVerdict('sets a user variable', true);
    let name = String(left.name ?? left.value ?? '').toLowerCase();
    const members = asArray(left.members).map((m) => String(m).toLowerCase());
    if (left.prefix === '@@' && members.length > 0) {
      if (name === 'global' || name.startsWith('persist')) {
        return sessionVerdict(`SET @@${name} changes a server-wide setting`, false);
      }
      name = members[members.length - 1];
    }
    if (SERVER_READ_ONLY_VARIABLES.has(name)) return sessionVerdict(`${name} is a server-wide read-only switch`, false);
    if (READ_ONLY_VARIABLES.has(name)) {
      return settingTruth(valueOf(a.right)) === true
        ? sessionVerdict(`${name} stays on`, true)
        : sessionVerdict(`changing ${name} would leave read-only mode`, false);
    }
    return nestedWrite(a.right) ?? sessionVerdict(`SET ${name || 'variable'} changes a session setting`, true);
  });
  return combineVerdicts(verdicts);
}

/** Writes hidden inside a read: DML in CTEs or subqueries, locking reads, side-effect functions. */
function nestedWrite(value: unknown): StatementClassification | null {
  if (Array.isArray(value)) return firstHit(value, nestedWrite);
  if (!isObj(value)) return null;
  if (typeof value.type === 'string') {
    const write = WRITE_TYPES.get(value.type);
    if (write) return writeVerdict(`a data-modifying ${write} inside the query changes rows`);
    if (DDL_TYPES.has(value.type) || value.type === 'exec' || value.type === 'call') {
      return writeVerdict(`${value.type.toUpperCase()} inside the query changes data or schema`);
    }
    if (value.type === 'select' && (value.locking_read || value.for_update)) {
      return writeVerdict('SELECT … FOR UPDATE/SHARE locks rows for writing');
    }
    if (value.type === 'function' && SIDE_EFFECT_FUNCTIONS.has(functionName(value))) {
      return writeVerdict(`${functionName(value)}() reaches outside the database`);
    }
  }
  if (value.table_hint && /UPDLOCK|XLOCK|TABLOCKX/i.test(JSON.stringify(value.table_hint))) {
    return writeVerdict('an UPDLOCK/XLOCK table hint locks rows for writing');
  }
  for (const child of Object.values(value)) {
    const hit = nestedWrite(child);
    if (hit) return hit;
  }
  return null;
}

function branchStatements(branch: unknown): unknown[] {
  if (branch === null || branch === undefined) return [];
  const inner = isObj(branch) && 'ast' in branch ? branch.ast : branch;
  return Array.isArray(inner) ? inner : [inner];
}

function functionName(node: AstObject): string {
  const name = node.name;
  if (typeof name === 'string') return name.toLowerCase();
  const parts = isObj(name) ? asArray(name.name) : [];
  const last = parts[parts.length - 1];
  return isObj(last) ? String(last.value ?? '').toLowerCase() : '';
}

/** The literal behind a SET right-hand side (number, ON/OFF word, string, boolean). */
function valueOf(node: unknown): string | number | boolean | null {
  if (!isObj(node)) return null;
  if (node.type === 'column_ref') return String(node.column ?? '');
  if (node.type === 'function') return functionName(node);
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}
