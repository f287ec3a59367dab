/**
 * Keyword-level rules for MySQL/MariaDB, SQLite and SQL Server statements that node-sql-parser
 * does not parse (SAVEPOINT, SET TRANSACTION, SET NAMES, PRAGMA, EXPLAIN of a write, T-SQL
 * BEGIN TRAN, …) or that are refused whatever their details (INSERT, DROP, EXEC, …). A rule
 * only ALLOWS a statement when the whole token list matches a closed shape; anything else
 * falls through to the parser, which fails closed.
 */
import type { SqlToken } from '../sqlTokens';
import {
  ddlVerdict,
  otherVerdict,
  readVerdict,
  sessionVerdict,
  settingTruth,
  transactionVerdict,
  writeVerdict,
  type StatementClassification,
} from './verdict';
import { classifyPragma } from './sqlitePragma';

/** node-sql-parser's name for the dialects the generic guard covers. */
export type GenericDatabase = 'mysql' | 'mariadb' | 'sqlite' | 'transactsql';

/** Classifies the text from a token on (EXPLAIN's inner statement). */
export type InnerClassifier = (offset: number) => StatementClassification;

const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'MERGE', 'UPSERT', 'LOAD', 'CALL', 'EXEC', 'EXECUTE', 'DO', 'HANDLER', 'IMPORT', 'BULK', 'OPTIMIZE', 'REPAIR', 'VACUUM', 'REINDEX']);
const WRITE_REASONS: Record<string, string> = {
  INSERT: 'adds rows', UPDATE: 'changes rows', DELETE: 'removes rows', REPLACE: 'replaces rows',
  MERGE: 'changes rows', UPSERT: 'changes rows', CALL: 'runs a procedure whose effect cannot be checked',
  EXEC: 'runs a procedure or batch whose effect cannot be checked', EXECUTE: 'runs a procedure or batch whose effect cannot be checked',
  DO: 'evaluates expressions whose effect cannot be checked', LOAD: 'loads data into a table',
  VACUUM: 'rewrites the database file', REINDEX: 'rebuilds indexes',
};
const DDL_WORDS = new Set(['CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME', 'GRANT', 'REVOKE', 'COMMENT', 'DENY']);
const ADMIN_WORDS = new Set(['FLUSH', 'KILL', 'RESET', 'PURGE', 'INSTALL', 'UNINSTALL', 'SHUTDOWN', 'RESTART', 'DBCC', 'CHECKPOINT', 'XA', 'CACHE', 'BACKUP', 'RESTORE', 'CHANGE', 'STOP', 'CLONE', 'BINLOG', 'REVERT', 'RECONFIGURE']);
const TRANSACTION_WORDS = new Set(['TRANSACTION', 'TRAN', 'WORK', 'READ', 'ONLY', 'WRITE', 'WITH', 'CONSISTENT', 'SNAPSHOT', 'AND', 'NO', 'CHAIN', 'RELEASE', 'TO', 'SAVEPOINT', 'DEFERRED', 'IMMEDIATE', 'EXCLUSIVE', 'DISTRIBUTED', 'MARK', 'ISOLATION', 'LEVEL']);
const ISOLATION_WORDS = new Set(['ISOLATION', 'LEVEL', 'READ', 'WRITE', 'ONLY', 'UNCOMMITTED', 'COMMITTED', 'REPEATABLE', 'SERIALIZABLE', 'SNAPSHOT']);
/** T-SQL SET options that only change how this session parses, counts or reports. */
const TSQL_ON_OFF_OPTIONS = new Set(['NOCOUNT', 'ANSI_NULLS', 'ANSI_PADDING', 'ANSI_WARNINGS', 'ARITHABORT', 'ARITHIGNORE', 'CONCAT_NULL_YIELDS_NULL', 'QUOTED_IDENTIFIER', 'NUMERIC_ROUNDABORT', 'XACT_ABORT', 'SHOWPLAN_XML', 'SHOWPLAN_TEXT', 'SHOWPLAN_ALL', 'FMTONLY', 'NOEXEC', 'PARSEONLY', 'ANSI_DEFAULTS', 'CURSOR_CLOSE_ON_COMMIT', 'FORCEPLAN', 'ANSI_NULL_DFLT_ON', 'ANSI_NULL_DFLT_OFF', 'NO_BROWSETABLE', 'IMPLICIT_TRANSACTIONS', 'STATISTICS', 'IO', 'TIME', 'XML', 'PROFILE']);
/** T-SQL SET options taking one number or word. */
const TSQL_VALUE_OPTIONS = new Set(['LOCK_TIMEOUT', 'ROWCOUNT', 'TEXTSIZE', 'DATEFIRST', 'DEADLOCK_PRIORITY', 'DATEFORMAT', 'LANGUAGE']);
/** Keywords that start a statement, so they cannot be an unquoted transaction or savepoint name. */
const STATEMENT_WORDS = new Set([...WRITE_WORDS, ...DDL_WORDS, ...ADMIN_WORDS, 'SELECT', 'WITH', 'SET', 'BEGIN', 'IF', 'WHILE', 'DECLARE', 'PRINT', 'USE', 'GO', 'RETURN', 'GOTO', 'WAITFOR', 'OPEN', 'CLOSE', 'FETCH', 'DEALLOCATE', 'RAISERROR', 'THROW', 'BREAK', 'CONTINUE', 'COMMIT', 'ROLLBACK', 'SAVE', 'LOCK', 'UNLOCK', 'SHOW', 'EXPLAIN', 'PRAGMA', 'ATTACH', 'DETACH', 'ANALYZE', 'VALUES', 'TABLE', 'END', 'ELSE']);

/** Applies the keyword rules; null means "ask the parser". */
export function applyRules(
  tokens: SqlToken[],
  db: GenericDatabase,
  inner: InnerClassifier,
): StatementClassification | null {
  const words = tokens.map((t) => (t.kind === 'word' ? t.value : t.text));
  const first = words[0];
  if (first === undefined) return null;
  const mysql = db === 'mysql' || db === 'mariadb';
  if ((first === 'EXPLAIN' && db !== 'transactsql') || ((first === 'DESCRIBE' || first === 'DESC') && mysql)) {
    return classifyExplain(tokens, words, db, inner);
  }
  if (first === 'SHOW' && mysql) return readVerdict('SHOW reads metadata');
  if (mysql && (first === 'CHECK' || first === 'CHECKSUM') && words[1] === 'TABLE') {
    return readVerdict(`${first} TABLE reads tables`);
  }
  if (first === 'ANALYZE') return writeVerdict('ANALYZE rewrites table statistics');
  if (first === 'PRAGMA' && db === 'sqlite') return classifyPragma(tokens);
  if (first === 'ATTACH' || first === 'DETACH') {
    return sessionVerdict(`${first} changes which database files this connection can write`, false);
  }
  if (first === 'SET') return classifySetRule(tokens, words, db);
  const tx = classifyTransactionRule(tokens, words, db);
  if (tx) return tx;
  if (WRITE_WORDS.has(first)) return writeVerdict(`${first} ${WRITE_REASONS[first] ?? 'changes data'}`);
  if (first === 'TRUNCATE') return ddlVerdict('TRUNCATE removes every row of the table');
  if (DDL_WORDS.has(first)) return ddlVerdict(`${first} changes the schema or privileges`);
  if (ADMIN_WORDS.has(first)) return otherVerdict(`${first} is a server administration command`);
  if (first === 'LOCK') return writeVerdict('LOCK takes locks meant for writing');
  if (mysql && first === 'UNLOCK' && words.length === 2 && /^TABLES?$/.test(words[1])) {
    return sessionVerdict("UNLOCK TABLES releases this session's locks", true);
  }
  return null;
}

function classifyExplain(
  tokens: SqlToken[],
  words: string[],
  db: GenericDatabase,
  inner: InnerClassifier,
): StatementClassification {
  let i = 1;
  let analyze = false;
  while (i < tokens.length) {
    const w = words[i];
    if (w === 'ANALYZE') analyze = true;
    if (w === 'ANALYZE' || w === 'EXTENDED' || w === 'PARTITIONS' || w === 'QUERY' || w === 'PLAN') {
      i++;
    } else if (w === 'FORMAT' && words[i + 1] === '=') {
      i += 3;
    } else {
      break;
    }
  }
  if (i >= tokens.length) return otherVerdict('EXPLAIN without a statement');
  if (words[i] === 'FOR' && words[i + 1] === 'CONNECTION') return readVerdict('EXPLAIN FOR CONNECTION reads a plan');
  const statementStart = /^(SELECT|WITH|INSERT|UPDATE|DELETE|REPLACE|TABLE|VALUES|\()$/.test(words[i]);
  if (!statementStart && db !== 'sqlite') return readVerdict(`${words[0]} reads table metadata`);
  const verdict = inner(tokens[i].start);
  if (analyze && verdict.kind !== 'read') {
    return { ...verdict, readOnlySafe: false, reason: `EXPLAIN ANALYZE runs the statement: ${verdict.reason}` };
  }
  // Without ANALYZE nothing runs, but text we cannot parse stays refused (fail closed).
  if (verdict.kind === 'other' && !verdict.readOnlySafe) return verdict;
  return readVerdict('EXPLAIN shows a plan without running the statement');
}

function classifySetRule(tokens: SqlToken[], words: string[], db: GenericDatabase): StatementClassification | null {
  let i = 1;
  const scope = words[i];
  if (/^(GLOBAL|PERSIST|PERSIST_ONLY)$/.test(scope ?? '')) {
    return sessionVerdict(`SET ${scope} changes a server-wide setting`, false);
  }
  if (scope === 'SESSION' || scope === 'LOCAL') i++;
  const what = words[i];
  if (what === 'TRANSACTION') {
    const rest = words.slice(i + 1).filter((w) => w !== ',');
    if (!rest.every((w) => ISOLATION_WORDS.has(w))) return null;
    if (rest.join(' ').includes('READ WRITE')) {
      return sessionVerdict('SET TRANSACTION READ WRITE leaves read-only mode', false);
    }
    return sessionVerdict('SET TRANSACTION changes isolation or access mode', true);
  }
  if (what === 'ROLE' || (what === 'DEFAULT' && words[i + 1] === 'ROLE')) {
    return sessionVerdict('SET ROLE could gain write privileges', false);
  }
  if (what === 'SESSION' && words[i + 1] === 'AUTHORIZATION') {
    return sessionVerdict('SET SESSION AUTHORIZATION changes the user', false);
  }
  if (what === 'PASSWORD') return writeVerdict('SET PASSWORD changes an account');
  if ((db === 'mysql' || db === 'mariadb') && tokens.length - i === 3 && words[i + 1] === '=' && tokens[i].kind === 'word') {
    // `SET [SESSION] name = literal`: a literal cannot write; only the read-only switches matter.
    const value = tokens[i + 2];
    const name = what.toLowerCase();
    if (value.kind === 'word' || value.kind === 'number' || value.kind === 'string') {
      if (/^(read_only|super_read_only|offline_mode)$/.test(name)) return sessionVerdict(`${name} is a server-wide read-only switch`, false);
      if (/^(transaction_read_only|tx_read_only)$/.test(name)) {
        return settingTruth(value.value.replace(/^'(.*)'$/s, '$1')) === true
          ? sessionVerdict(`${name} stays on`, true)
          : sessionVerdict(`changing ${name} would leave read-only mode`, false);
      }
      return sessionVerdict(`SET ${name} changes a session setting`, true);
    }
  }
  if ((db === 'mysql' || db === 'mariadb') && isCharsetShape(words.slice(i))) {
    return sessionVerdict(`SET ${what} changes the connection character set`, true);
  }
  if (db === 'transactsql' && i === 1 && isTsqlOptionShape(tokens.slice(1))) {
    return sessionVerdict(`SET ${what} changes a session option`, true);
  }
  return null;
}

/** Words after which a transaction statement may name a transaction or savepoint. */
const NAME_FOLLOWS = new Set(['TO', 'SAVEPOINT', 'TRAN', 'TRANSACTION', 'RELEASE', 'SAVE']);

function classifyTransactionRule(
  tokens: SqlToken[],
  words: string[],
  db: GenericDatabase,
): StatementClassification | null {
  const first = words[0];
  const second = words[1];
  const tranWord = second === undefined || /^(TRAN|TRANSACTION|WORK)$/.test(second);
  const opens =
    (first === 'BEGIN' && (tranWord || /^(DEFERRED|IMMEDIATE|EXCLUSIVE|DISTRIBUTED)$/.test(second))) ||
    (first === 'START' && second === 'TRANSACTION');
  const ends = first === 'COMMIT' || first === 'ROLLBACK' || (first === 'END' && db === 'sqlite' && tranWord);
  const savepoint = first === 'SAVEPOINT' || first === 'RELEASE' || (first === 'SAVE' && /^(TRAN|TRANSACTION)$/.test(second ?? ''));
  if (!opens && !ends && !savepoint) return null;
  // A closed vocabulary: transaction words, one name after TO/SAVEPOINT/TRAN…, commas, a mark.
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    const isName = NAME_FOLLOWS.has(words[k - 1]) && !STATEMENT_WORDS.has(t.value);
    if (t.kind === 'word' && !TRANSACTION_WORDS.has(t.value) && !isName) return null;
    if (t.kind === 'punct' && t.text !== ',') return null;
    if (t.kind === 'number' && db !== 'transactsql') return null;
  }
  const text = words.join(' ');
  if (opens && text.includes('READ WRITE')) {
    return transactionVerdict('a READ WRITE transaction could change data', false);
  }
  if (opens && (second === 'IMMEDIATE' || second === 'EXCLUSIVE')) {
    return transactionVerdict(`BEGIN ${second} takes a write lock on the database`, false);
  }
  return transactionVerdict('transaction control');
}

/** `NAMES x [COLLATE y]`, `CHARSET x`, `CHARACTER SET x` and nothing else. */
function isCharsetShape(w: string[]): boolean {
  if (w[0] === 'NAMES') return w.length === 2 || (w.length === 4 && w[2] === 'COLLATE');
  if (w[0] === 'CHARSET') return w.length === 2;
  return w[0] === 'CHARACTER' && w[1] === 'SET' && w.length === 3;
}

/** `opt[, opt…] ON|OFF`, `STATISTICS IO ON`, `LOCK_TIMEOUT 5000`, `IDENTITY_INSERT t ON`, … exactly. */
function isTsqlOptionShape(t: SqlToken[]): boolean {
  const w = t.map((x) => (x.kind === 'word' ? x.value : x.text));
  const last = w[w.length - 1];
  if (TSQL_VALUE_OPTIONS.has(w[0])) {
    const value = t.slice(1).filter((x) => x.text !== '-');
    return value.length === 1 && value[0].kind !== 'punct' && value[0].kind !== 'param';
  }
  if (last !== 'ON' && last !== 'OFF') return false;
  if (w[0] === 'IDENTITY_INSERT') {
    return t.slice(1, -1).every((x) => x.kind === 'quoted' || x.text === '.' || (x.kind === 'word' && !STATEMENT_WORDS.has(x.value)));
  }
  return w.length >= 2 && w.slice(0, -1).every((x) => x === ',' || TSQL_ON_OFF_OPTIONS.has(x));
}
