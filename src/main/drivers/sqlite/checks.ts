/**
 * Best-effort CHECK constraint extraction from a CREATE TABLE statement: SQLite keeps no catalog
 * of CHECK constraints, only the original text. A small tokenizer skips strings, quoted names
 * and comments so parentheses and commas inside them do not confuse the split.
 */
import type { ConstraintInfo } from '../../../shared/schema';

interface Token {
  kind: 'word' | 'ident' | 'string' | 'punct';
  /** Unquoted text for identifiers, upper-cased for words is left to callers. */
  text: string;
  start: number;
  end: number;
}

/** Splits SQL text into tokens, dropping whitespace and comments. */
export function tokenize(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      const closer = c === '[' ? ']' : c;
      let j = i + 1;
      let text = '';
      while (j < sql.length) {
        if (sql[j] === closer) {
          if (closer !== ']' && sql[j + 1] === closer) {
            text += closer;
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j];
        j++;
      }
      out.push({ kind: c === "'" ? 'string' : 'ident', text, start: i, end: j + 1 });
      i = j + 1;
    } else if (/[\w$]/.test(c)) {
      let j = i;
      while (j < sql.length && /[\w$]/.test(sql[j]!)) j++;
      out.push({ kind: 'word', text: sql.slice(i, j), start: i, end: j });
      i = j;
    } else {
      out.push({ kind: 'punct', text: c, start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

const TABLE_CONSTRAINT_WORDS = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

/** The top-level definitions (columns and constraints) of a CREATE TABLE body, as tokens. */
function tableDefinitions(tokens: Token[]): Token[][] {
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.text === '(');
  if (open < 0) return [];
  // Split the body into definitions at top-level commas.
  const defs: Token[][] = [];
  let depth = 0;
  let current: Token[] = [];
  for (let k = open + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && t.text === '(') depth++;
    if (t.kind === 'punct' && t.text === ')') {
      if (depth === 0) break;
      depth--;
    }
    if (depth === 0 && t.kind === 'punct' && t.text === ',') {
      defs.push(current);
      current = [];
    } else current.push(t);
  }
  if (current.length) defs.push(current);
  return defs;
}

/**
 * Names given with `CONSTRAINT name UNIQUE|FOREIGN KEY (cols)` at table level, keyed by kind and
 * lower-cased column list (`unique:a,b`), so catalog rows can be given their declared names.
 */
export function parseConstraintNames(createSql: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of tableDefinitions(tokenize(createSql))) {
    if (def[0]?.text.toUpperCase() !== 'CONSTRAINT' || !def[1]) continue;
    const kindWord = def[2]?.text.toUpperCase();
    const kind = kindWord === 'UNIQUE' ? 'unique' : kindWord === 'FOREIGN' ? 'foreign' : null;
    if (!kind) continue;
    const open = def.findIndex((t) => t.text === '(');
    const close = open < 0 ? -1 : matchParen(def, open);
    if (close < 0) continue;
    const cols = def.slice(open + 1, close).filter((t) => t.kind === 'word' || t.kind === 'ident');
    names.set(`${kind}:${cols.map((t) => t.text.toLowerCase()).join(',')}`, def[1].text);
  }
  return names;
}

/** Parses the CHECK constraints of one CREATE TABLE statement. */
export function parseCheckConstraints(table: string, createSql: string, columnNames: string[]): ConstraintInfo[] {
  const defs = tableDefinitions(tokenize(createSql));
  const known = new Map(columnNames.map((c) => [c.toLowerCase(), c]));
  const result: ConstraintInfo[] = [];
  for (const def of defs) {
    const first = def[0];
    if (!first) continue;
    const isTableLevel = first.kind === 'word' && TABLE_CONSTRAINT_WORDS.has(first.text.toUpperCase());
    const column = isTableLevel ? null : first.text;
    for (let k = 0; k < def.length; k++) {
      const t = def[k]!;
      if (!(t.kind === 'word' && t.text.toUpperCase() === 'CHECK' && def[k + 1]?.text === '(')) continue;
      const closeIdx = matchParen(def, k + 1);
      if (closeIdx < 0) break;
      const definition = createSql.slice(def[k + 1]!.start + 1, def[closeIdx]!.start).trim();
      const named = k >= 2 && def[k - 2]!.kind === 'word' && def[k - 2]!.text.toUpperCase() === 'CONSTRAINT';
      const columns = column
        ? [column]
        : unique(
            def
              .slice(k + 2, closeIdx)
              .filter((x) => (x.kind === 'word' || x.kind === 'ident') && known.has(x.text.toLowerCase()))
              .map((x) => known.get(x.text.toLowerCase())!),
          );
      result.push({
        name: named ? def[k - 1]!.text : `${table}_check${result.length + 1}`,
        kind: 'check',
        columns,
        definition,
      });
      k = closeIdx;
    }
  }
  return result;
}

function matchParen(tokens: Token[], openIdx: number): number {
  let depth = 0;
  for (let k = openIdx; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '(') depth++;
    else if (t.text === ')' && --depth === 0) return k;
  }
  return -1;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
