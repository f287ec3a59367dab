/**
 * Spots statements that destroy data wholesale, so the UI can ask for confirmation before
 * running them (on any connection, read-only or not). Token-based rather than parser-based so
 * it works for every dialect and for statements the parsers do not know: words inside strings,
 * comments and parentheses (subqueries) are never mistaken for the statement's own clauses.
 */
import type { SplitterDialect } from '../drivers/types';
import { splitTokensAtSemicolons, tokenizeSql, type SqlToken } from './sqlTokens';

/** Why a statement needs confirmation. */
export type DestructiveKind = 'delete-without-where' | 'update-without-where' | 'drop' | 'truncate';

/** How each destructive kind is worded in a confirmation request. */
export const DESTRUCTIVE_TEXT: Record<DestructiveKind, string> = {
  'delete-without-where': 'DELETE without WHERE removes every row',
  'update-without-where': 'UPDATE without WHERE changes every row',
  drop: 'DROP removes an object and its data',
  truncate: 'TRUNCATE removes every row',
};

/** Words that start another statement in a T-SQL batch written without semicolons. */
const NEXT_STATEMENT = new Set([
  'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'DECLARE', 'EXEC', 'EXECUTE', 'IF', 'BEGIN',
  'PRINT', 'DROP', 'CREATE', 'ALTER', 'TRUNCATE', 'GO', 'COMMIT', 'ROLLBACK',
]);

/**
 * The first destructive statement in `sql`: DELETE or UPDATE without a WHERE of its own, DROP
 * (including ALTER TABLE … DROP COLUMN), TRUNCATE. Null when nothing needs confirmation.
 */
export function looksDestructive(sql: string, dialect: SplitterDialect = 'postgres'): DestructiveKind | null {
  for (const statement of splitTokensAtSemicolons(tokenizeSql(sql, dialect))) {
    const kind = destructiveKind(statement);
    if (kind) return kind;
  }
  return null;
}

function destructiveKind(tokens: SqlToken[]): DestructiveKind | null {
  const top = topLevelWords(tokens);
  const first = top[0]?.value;
  if (first === 'DROP') return 'drop';
  if (first === 'TRUNCATE') return 'truncate';
  if (first === 'ALTER') {
    const dropAt = top.findIndex((t) => t.value === 'DROP');
    return dropAt > 0 && top[dropAt + 1]?.value === 'COLUMN' ? 'drop' : null;
  }
  if (first === 'WITH') {
    for (const body of cteBodies(tokens)) {
      const inner = destructiveKind(body);
      if (inner) return inner;
    }
  }
  // After a WITH … AS (…) list, the main verb is the first top-level verb.
  const verbAt = top.findIndex((t) => t.value === 'DELETE' || t.value === 'UPDATE' || t.value === 'SELECT' || t.value === 'INSERT' || t.value === 'MERGE');
  if (verbAt < 0) return null;
  const verb = top[verbAt].value;
  if (verb !== 'DELETE' && verb !== 'UPDATE') return null;
  for (const t of top.slice(verbAt + 1)) {
    if (t.value === 'WHERE') return null;
    if (NEXT_STATEMENT.has(t.value)) break;
  }
  return verb === 'DELETE' ? 'delete-without-where' : 'update-without-where';
}

/** The token lists inside `AS [NOT] [MATERIALIZED] ( … )` of a WITH clause. */
function cteBodies(tokens: SqlToken[]): SqlToken[][] {
  const bodies: SqlToken[][] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth !== 0 || t.value !== 'AS' || t.kind !== 'word') continue;
    let j = i + 1;
    while (tokens[j]?.value === 'NOT' || tokens[j]?.value === 'MATERIALIZED') j++;
    if (tokens[j]?.text !== '(') continue;
    let level = 0;
    const body: SqlToken[] = [];
    for (let k = j; k < tokens.length; k++) {
      if (tokens[k].text === '(') level++;
      else if (tokens[k].text === ')') level--;
      if (level === 0) break;
      if (k > j) body.push(tokens[k]);
    }
    bodies.push(body);
  }
  return bodies;
}

/** Word tokens outside any parentheses. */
function topLevelWords(tokens: SqlToken[]): SqlToken[] {
  const out: SqlToken[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && t.kind === 'word') out.push(t);
  }
  return out;
}
