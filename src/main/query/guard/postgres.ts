/**
 * PostgreSQL classification with the real PostgreSQL parser (`libpg-query`, compiled to WASM).
 * The WASM module is compiled once, while this module loads (top-level await, ~50 ms), so every
 * classification afterwards is synchronous and callers cannot forget to wait for it.
 */
import { loadModule, parseSync } from 'libpg-query';
import {
  combineVerdicts,
  ddlVerdict,
  otherVerdict,
  readVerdict,
  sessionVerdict,
  settingTruth,
  transactionVerdict,
  unverifiedVerdict,
  writeVerdict,
  type StatementClassification,
} from './verdict';
import { asArray, firstHit, isObj, type AstObject } from './ast';

await loadModule();

/** Classifies PostgreSQL text (one or more statements). */
export function classifyPostgres(sql: string): StatementClassification {
  let stmts: unknown[];
  try {
    stmts = parseSync(sql).stmts ?? [];
  } catch (err) {
    return unverifiedVerdict(err instanceof Error ? err.message : String(err));
  }
  return combineVerdicts(stmts.map((raw) => classifyNode(isObj(raw) ? raw.stmt : undefined)));
}

/** Functions that change data or server state even when called from a SELECT. */
const WRITE_FUNCTIONS = new Set([
  'nextval', 'setval', 'pg_terminate_backend', 'pg_cancel_backend', 'dblink_exec', 'dblink',
  'dblink_send_query', 'dblink_open', 'pg_reload_conf', 'pg_rotate_logfile', 'pg_switch_wal',
  'pg_create_restore_point', 'pg_promote', 'pg_file_write', 'pg_file_rename', 'pg_file_unlink',
  'pg_logical_emit_message', 'pg_drop_replication_slot', 'pg_create_physical_replication_slot',
  'pg_create_logical_replication_slot', 'pg_replication_slot_advance', 'pg_import_system_collations',
  'query_to_xml', 'query_to_xml_and_xmlschema', 'query_to_xmlschema', 'cursor_to_xml', 'lowrite',
]);
const WRITE_FUNCTION_PREFIXES = ['lo_', 'pg_stat_reset', 'pg_replication_origin_', 'pg_copy_'];
/** Settings whose change leaves read-only mode or changes who we are. */
const GUARDED_SETTINGS = new Set(['default_transaction_read_only', 'transaction_read_only', 'role', 'session_authorization']);
const DML = new Map([
  ['InsertStmt', 'INSERT'],
  ['UpdateStmt', 'UPDATE'],
  ['DeleteStmt', 'DELETE'],
  ['MergeStmt', 'MERGE'],
]);
const DDL_NODE = /^(Create|Alter|Drop|Rename|Grant|Comment|Truncate|Define|Index|View|Rule|Reindex|Cluster|RefreshMatView|SecLabel|CompositeType|ReassignOwned|ImportForeignSchema)/;

function classifyNode(node: unknown): StatementClassification {
  const [type, body] = unwrap(node) ?? ['(empty)', {}];
  const dml = DML.get(type);
  if (dml) return writeVerdict(`${dml} changes rows`);
  switch (type) {
    case 'SelectStmt':
      if (body.intoClause) return writeVerdict('SELECT … INTO creates a table');
      return nestedWrite(body) ?? readVerdict('SELECT reads data');
    case 'VariableShowStmt':
      return readVerdict('SHOW reads a setting');
    case 'ExplainStmt':
      return classifyExplain(body);
    case 'CopyStmt':
      if (body.is_from) return writeVerdict('COPY … FROM loads rows into a table');
      if (body.filename || body.is_program) return writeVerdict('COPY … TO a server file or program writes on the server');
      return (body.query ? nonRead(classifyNode(body.query)) : null) ?? readVerdict('COPY … TO STDOUT reads data');
    case 'DeclareCursorStmt':
      return nonRead(classifyNode(body.query)) ?? readVerdict('DECLARE CURSOR for a read');
    case 'PrepareStmt':
      return nonRead(classifyNode(body.query)) ?? readVerdict('PREPARE of a read');
    case 'FetchStmt':
    case 'ClosePortalStmt':
      return readVerdict('cursor navigation reads data');
    case 'TransactionStmt':
      return classifyTransaction(body);
    case 'VariableSetStmt':
      return classifySet(body);
    case 'DiscardStmt':
      return body.target === 'DISCARD_ALL'
        ? sessionVerdict('DISCARD ALL resets every setting, including default_transaction_read_only', false)
        : sessionVerdict('DISCARD clears session caches', true);
    case 'ListenStmt':
    case 'UnlistenStmt':
    case 'DeallocateStmt':
      return sessionVerdict(`${type.replace(/Stmt$/, '').toUpperCase()} only affects this session`, true);
    case 'DoStmt':
      return writeVerdict('DO runs an anonymous code block that can change data');
    case 'CallStmt':
      return writeVerdict('CALL runs a procedure whose effect cannot be checked');
    case 'ExecuteStmt':
      return otherVerdict('EXECUTE runs a prepared statement whose text cannot be checked here');
    case 'LockStmt':
      return writeVerdict('LOCK TABLE takes locks meant for writing');
    case 'VacuumStmt':
      return writeVerdict('VACUUM/ANALYZE modifies tables and statistics');
    case 'NotifyStmt':
      return otherVerdict('NOTIFY sends a message to other sessions');
  }
  if (type === 'TruncateStmt') return ddlVerdict('TRUNCATE removes every row of the table');
  if (DDL_NODE.test(type)) return ddlVerdict(`${describeNode(type)} changes the schema or privileges`);
  return otherVerdict(`${describeNode(type)} is not a known read-only statement`);
}

function classifyExplain(body: AstObject): StatementClassification {
  const analyze = asArray(body.options).some((opt) => {
    const def = unwrap(opt);
    if (!def || def[1].defname !== 'analyze') return false;
    return def[1].arg === undefined || settingTruth(constValue(def[1].arg)) !== false;
  });
  const inner = classifyNode(body.query);
  if (analyze && inner.kind !== 'read') {
    return { ...inner, readOnlySafe: false, reason: `EXPLAIN ANALYZE runs the statement: ${inner.reason}` };
  }
  if (analyze) return readVerdict('EXPLAIN ANALYZE of a read');
  return readVerdict('EXPLAIN without ANALYZE does not run the statement');
}

function classifyTransaction(body: AstObject): StatementClassification {
  const kind = String(body.kind ?? '');
  if (/PREPARE|COMMIT_PREPARED|ROLLBACK_PREPARED/.test(kind)) {
    return writeVerdict('two-phase commit commands finish transactions that may hold writes');
  }
  if (readOnlyOptionIsOff(body.options)) {
    return transactionVerdict('READ WRITE would start a transaction that can change data', false);
  }
  return transactionVerdict('transaction control');
}

function classifySet(body: AstObject): StatementClassification {
  const kind = String(body.kind ?? '');
  const name = String(body.name ?? '').toLowerCase();
  if (kind === 'VAR_RESET_ALL') {
    return sessionVerdict('RESET ALL would restore the server default for default_transaction_read_only', false);
  }
  if (kind === 'VAR_SET_MULTI') {
    if (readOnlyOptionIsOff(body.args)) {
      return sessionVerdict(`SET ${name.toUpperCase()} … READ WRITE leaves read-only mode`, false);
    }
    return sessionVerdict(`SET ${name.toUpperCase()} changes transaction characteristics`, true);
  }
  if (name === 'role' || name === 'session_authorization') {
    return sessionVerdict(`changing ${name.replace('_', ' ')} could gain write privileges`, false);
  }
  if (GUARDED_SETTINGS.has(name)) {
    const values = asArray(body.args).map(constValue);
    const on = kind === 'VAR_SET_VALUE' && values.length === 1 ? settingTruth(values[0]) : null;
    if (on !== true) return sessionVerdict(`changing ${name} would leave read-only mode`, false);
    return sessionVerdict(`${name} stays on`, true);
  }
  return sessionVerdict(`SET ${name || 'setting'} changes a session setting`, true);
}

/** True when a DefElem list sets transaction_read_only to false (READ WRITE). */
function readOnlyOptionIsOff(options: unknown): boolean {
  return asArray(options).some((opt) => {
    const def = unwrap(opt);
    return def !== null && def[1].defname === 'transaction_read_only' && settingTruth(constValue(def[1].arg)) !== true;
  });
}

/** Finds writes hidden inside a read: data-modifying CTEs, FOR UPDATE, volatile functions. */
function nestedWrite(value: unknown): StatementClassification | null {
  if (Array.isArray(value)) return firstHit(value, nestedWrite);
  if (!isObj(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    const dml = DML.get(key);
    if (dml) return writeVerdict(`a data-modifying ${dml} inside the query (WITH … ${dml}) changes rows`);
    if (key === 'lockingClause' && asArray(child).length > 0) {
      return writeVerdict('SELECT … FOR UPDATE/SHARE locks rows for writing');
    }
    if (key === 'FuncCall' && isObj(child)) {
      const hit = writingFunction(child);
      if (hit) return hit;
    }
    const hit = nestedWrite(child);
    if (hit) return hit;
  }
  return null;
}

function writingFunction(call: AstObject): StatementClassification | null {
  const parts = asArray(call.funcname).map((n) => (isObj(n) && isObj(n.String) ? String(n.String.sval ?? '') : ''));
  const name = (parts[parts.length - 1] ?? '').toLowerCase();
  if (name === 'set_config') {
    const setting = constValue(asArray(call.args)[0]);
    if (typeof setting !== 'string' || GUARDED_SETTINGS.has(setting.toLowerCase())) {
      return writeVerdict('set_config() on a read-only or role setting would leave read-only mode');
    }
    return null;
  }
  if (WRITE_FUNCTIONS.has(name) || WRITE_FUNCTION_PREFIXES.some((p) => name.startsWith(p))) {
    return writeVerdict(`${name}() changes data or server state`);
  }
  return null;
}

/** A non-read verdict, or null for a read (so callers can fall back to their own read reason). */
function nonRead(v: StatementClassification): StatementClassification | null {
  return v.kind === 'read' ? null : v;
}

/** The value of an A_Const (or String) node; protobuf omits zero/false, so empty means 0/false. */
function constValue(node: unknown): string | number | boolean | null {
  const u = unwrap(node);
  if (!u) return null;
  const [type, body] = u;
  if (type === 'String') return String(body.sval ?? '');
  if (type !== 'A_Const') return null;
  if (isObj(body.sval)) return String(body.sval.sval ?? '');
  if (isObj(body.ival)) return Number(body.ival.ival ?? 0);
  if (isObj(body.boolval)) return Boolean(body.boolval.boolval ?? false);
  if (isObj(body.fval)) return Number(body.fval.fval ?? 0);
  return null;
}

function unwrap(node: unknown): [string, AstObject] | null {
  if (!isObj(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1) return null;
  const body = node[keys[0]];
  return isObj(body) ? [keys[0], body] : null;
}

function describeNode(type: string): string {
  return type.replace(/Stmt$/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();
}
