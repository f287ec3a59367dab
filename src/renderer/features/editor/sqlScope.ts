/**
 * What the completion source needs to know about the statement around the cursor: its tokens
 * (strings and comments skipped), the tables it references with their aliases, and the token
 * just before the cursor. Pure and linear in the statement's length.
 */

/** A significant token of SQL text. */
export interface SqlToken {
  /** Identifier text without quotes, or the punctuation / keyword itself. */
  text: string;
  kind: 'word' | 'quoted' | 'punct' | 'string' | 'number';
  start: number;
  end: number;
}

/** A table reference of a statement: `schema.table AS alias`. */
export interface TableRef {
  /** Name parts as written, e.g. ['public', 'orders'] or ['orders']. */
  path: string[];
  alias: string | null;
}

/** Words that end a table reference instead of being its alias. */
const NOT_ALIAS = new Set(
  ('where join inner left right full outer cross natural on using group order having limit offset ' +
    'union intersect except set values select from into window fetch for returning lateral as ' +
    'straight_join with go top when then else end and or not')
    .split(' '),
);
/** Keywords after which a table name follows. */
export const TABLE_KEYWORDS = new Set(['from', 'join', 'update', 'into', 'table', 'straight_join']);
/** Keywords that end a FROM list (so a comma no longer introduces a table). */
const CLAUSE_END = new Set(['where', 'group', 'order', 'having', 'limit', 'on', 'using', 'set', 'values', 'union', 'select', 'returning', 'window', 'offset', 'fetch', 'for']);

/** Tokenizes SQL, skipping whitespace, comments and the insides of strings. */
export function tokenize(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql.charCodeAt(i);
    const ch = sql[i]!;
    if (c <= 32) i++;
    else if (ch === '-' && sql[i + 1] === '-') i = endOf(sql.indexOf('\n', i), n);
    else if (ch === '/' && sql[i + 1] === '*') i = endOf(sql.indexOf('*/', i + 2), n, 2);
    else if (ch === "'") {
      const end = closeQuote(sql, i, "'");
      out.push({ text: sql.slice(i, end), kind: 'string', start: i, end });
      i = end;
    } else if (ch === '"' || ch === '`' || ch === '[') {
      const close = ch === '[' ? ']' : ch;
      const end = closeQuote(sql, i, close);
      const inner = sql.slice(i + 1, sql[end - 1] === close && end - 1 > i ? end - 1 : end);
      out.push({ text: inner.split(close + close).join(close), kind: 'quoted', start: i, end });
      i = end;
    } else if (isWordChar(c)) {
      let k = i + 1;
      while (k < n && isWordChar(sql.charCodeAt(k))) k++;
      const text = sql.slice(i, k);
      out.push({ text, kind: /^\d/.test(text) ? 'number' : 'word', start: i, end: k });
      i = k;
    } else {
      out.push({ text: ch, kind: 'punct', start: i, end: i + 1 });
      i++;
    }
  }
  return out;
}

/** The tables a statement references (FROM, JOIN, UPDATE, INTO, comma lists), with aliases. */
export function tableRefs(tokens: SqlToken[]): TableRef[] {
  const refs: TableRef[] = [];
  let inFrom = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.kind === 'word' ? t.text.toLowerCase() : '';
    let startsRef = false;
    if (lower && TABLE_KEYWORDS.has(lower)) {
      startsRef = true;
      inFrom = lower === 'from' || lower === 'join';
    } else if (lower && CLAUSE_END.has(lower)) inFrom = false;
    else if (t.text === ',' && t.kind === 'punct' && inFrom) startsRef = true;
    else if (t.text === '(' || t.text === ')') {
      if (t.text === '(') inFrom = false;
    }
    if (!startsRef) continue;
    const parsed = readRef(tokens, i + 1);
    if (parsed) {
      refs.push(parsed.ref);
      i = parsed.next - 1;
    }
  }
  return refs;
}

function readRef(tokens: SqlToken[], at: number): { ref: TableRef; next: number } | null {
  const path: string[] = [];
  let i = at;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isName(t)) break;
    path.push(t.text);
    if (tokens[i + 1]?.text === '.' && tokens[i + 2] && isName(tokens[i + 2]!)) i += 2;
    else {
      i++;
      break;
    }
  }
  if (path.length === 0) return null;
  let alias: string | null = null;
  const maybeAs = tokens[i];
  if (maybeAs?.kind === 'word' && maybeAs.text.toLowerCase() === 'as') i++;
  const a = tokens[i];
  if (a && isName(a) && !(a.kind === 'word' && NOT_ALIAS.has(a.text.toLowerCase()))) {
    alias = a.text;
    i++;
  }
  return { ref: { path, alias }, next: i };
}

function isName(t: SqlToken): boolean {
  return t.kind === 'word' || t.kind === 'quoted';
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127
  );
}

function endOf(found: number, n: number, extra = 0): number {
  return found < 0 ? n : found + extra;
}

function closeQuote(sql: string, i: number, close: string): number {
  let k = i + 1;
  while (k < sql.length) {
    if (sql[k] === close) {
      if (sql[k + 1] === close) k += 2;
      else return k + 1;
    } else k++;
  }
  return sql.length;
}
