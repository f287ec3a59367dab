/**
 * Compound-statement bodies that contain semicolons of their own: SQLite `CREATE TRIGGER …
 * BEGIN … END`, PostgreSQL `BEGIN ATOMIC … END` function bodies, and MySQL routines written
 * without `DELIMITER`. The splitter library cuts these at every `;`; these helpers say whether
 * a piece opens such a body and whether the text so far has closed it, so the pieces can be
 * joined back into one statement.
 */
import type { SplitterDialect } from '../drivers/types';
import { tokenizeSql, type SqlToken } from './sqlTokens';

const MYSQL_ROUTINE = new Set(['PROCEDURE', 'FUNCTION', 'TRIGGER', 'EVENT']);
/** Tokens after which a MySQL compound statement (IF, LOOP, …) can start. */
const MYSQL_STATEMENT_START = new Set([';', 'BEGIN', 'THEN', 'ELSE', 'DO', 'LOOP', 'REPEAT', ':']);

/** True when `piece` starts a statement whose body may hold `;` (trigger, routine, atomic body). */
export function opensCompoundBody(piece: string, dialect: SplitterDialect): boolean {
  // Cheap pre-check: most statements are not CREATE statements at all.
  if (!/^(?:\s|--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\/)*CREATE\b/i.test(piece)) return false;
  const words = tokenizeSql(piece, dialect)
    .slice(0, 40)
    .map((t) => (t.kind === 'word' ? t.value : t.text));
  if (words[0] !== 'CREATE') return false;
  if (dialect === 'sqlite') {
    const i = words[1] === 'TEMP' || words[1] === 'TEMPORARY' ? 2 : 1;
    return words[i] === 'TRIGGER';
  }
  if (dialect === 'postgres') {
    return words.includes('FUNCTION') || words.includes('PROCEDURE');
  }
  if (dialect === 'mysql') {
    return words.some((w) => MYSQL_ROUTINE.has(w));
  }
  return false;
}

/**
 * Block depth at the end of `text`: BEGIN/CASE (and MySQL IF/LOOP/WHILE/REPEAT statements) open
 * a block, END closes one. Positive means the body is still open.
 */
export function openBlockDepth(text: string, dialect: SplitterDialect): number {
  const tokens = tokenizeSql(text, dialect);
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (t.value === 'END') {
      depth--;
      // END IF / END LOOP / END CASE … close one block, not two.
      const after = tokens[i + 1];
      if (after?.kind === 'word' && /^(IF|LOOP|WHILE|REPEAT|CASE)$/.test(after.value)) i++;
    } else if (t.value === 'CASE') {
      depth++;
    } else if (t.value === 'BEGIN' && opensBeginBlock(tokens, i, dialect)) {
      depth++;
    } else if (dialect === 'mysql' && /^(IF|LOOP|WHILE|REPEAT)$/.test(t.value)) {
      const prev = tokens[i - 1];
      const prevKey = prev ? (prev.kind === 'word' ? prev.value : prev.text) : ';';
      if (MYSQL_STATEMENT_START.has(prevKey) && tokens[i + 1]?.text !== '(') depth++;
    }
  }
  return depth;
}

function opensBeginBlock(tokens: SqlToken[], i: number, dialect: SplitterDialect): boolean {
  // PostgreSQL only has BEGIN ATOMIC bodies at this level (PL/pgSQL lives in dollar quotes).
  if (dialect === 'postgres') return tokens[i + 1]?.value === 'ATOMIC';
  return true;
}
