/**
 * SQLite PRAGMA classification. Reading a pragma (`PRAGMA journal_mode`, `PRAGMA
 * table_info(t)`) is a read; setting one is a session change that is allowed only for settings
 * that touch nothing on disk; `query_only` may only be switched on.
 */
import type { SqlToken } from '../sqlTokens';
import { readVerdict, sessionVerdict, settingTruth, writeVerdict, type StatementClassification } from './verdict';

/** Pragmas whose argument is a name to inspect, not a new value. */
const INSPECTING = new Set([
  'table_info', 'table_xinfo', 'table_list', 'index_info', 'index_xinfo', 'index_list',
  'foreign_key_list', 'foreign_key_check', 'integrity_check', 'quick_check', 'function_list',
  'module_list', 'pragma_list', 'collation_list', 'database_list', 'compile_options', 'stats',
  'data_version', 'freelist_count', 'page_count',
]);
/** Pragmas that act on the database even without an argument. */
const ACTING = new Set(['optimize', 'incremental_vacuum', 'wal_checkpoint', 'shrink_memory']);
/** Settings that only change how this connection behaves in memory. */
const SESSION_SETTINGS = new Set([
  'cache_size', 'foreign_keys', 'busy_timeout', 'case_sensitive_like', 'temp_store', 'synchronous',
  'recursive_triggers', 'defer_foreign_keys', 'automatic_index', 'cache_spill', 'mmap_size',
  'threads', 'analysis_limit', 'hard_heap_limit', 'soft_heap_limit', 'reverse_unordered_selects',
  'ignore_check_constraints', 'short_column_names', 'full_column_names', 'count_changes',
  'legacy_alter_table', 'cell_size_check', 'trusted_schema',
]);

/** Classifies `PRAGMA [schema.]name [= value | (value)]`. */
export function classifyPragma(tokens: SqlToken[]): StatementClassification {
  let i = 1;
  if (tokens[i + 1]?.text === '.') i += 2;
  const nameToken = tokens[i];
  if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted')) {
    return writeVerdict('PRAGMA without a recognisable name');
  }
  const name = nameToken.value.toLowerCase();
  const rest = tokens.slice(i + 1).filter((t) => t.text !== '-');
  const hasValue = rest.length > 0;
  const value = rest[1];
  const shapeOk =
    rest.length === 0 ||
    (rest.length === 2 && rest[0].text === '=') ||
    (rest.length === 3 && rest[0].text === '(' && rest[2].text === ')');
  if (!shapeOk || (value && value.kind === 'punct')) {
    return writeVerdict(`PRAGMA ${name} is not in a recognised form`);
  }
  if (ACTING.has(name)) return writeVerdict(`PRAGMA ${name} changes the database file`);
  if (!hasValue || INSPECTING.has(name)) return readVerdict(`PRAGMA ${name} reads a setting or metadata`);
  const raw = value ? value.value.replace(/^'(.*)'$/s, '$1') : '';
  if (name === 'query_only') {
    return settingTruth(raw) === true
      ? sessionVerdict('PRAGMA query_only = ON keeps the connection read-only', true)
      : sessionVerdict('PRAGMA query_only = OFF would leave read-only mode', false);
  }
  if (SESSION_SETTINGS.has(name)) return sessionVerdict(`PRAGMA ${name} changes a connection setting`, true);
  return writeVerdict(`PRAGMA ${name} = … changes the database file or its header`);
}
