/**
 * Reads CHECK constraints of the common shapes from their text, per column: ranges
 * (`x >= 0`, `x BETWEEN a AND b`, `x > a AND x < b`) and value lists (`x IN (…)`, PostgreSQL's
 * `x = ANY (ARRAY[…])`). Anything else is ignored (the database still enforces it; a row that
 * breaks it fails the insert with the engine's message). Expressions with OR are skipped.
 */

/** What a CHECK says about one column. */
export interface ColumnCheck {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** Allowed values (strings or numbers). */
  values?: (string | number)[];
  /** Maximum text length from `length(x) <= n`. */
  maxLength?: number;
}

const NUM = '(-?\\d+(?:\\.\\d+)?)';
const ID = '([a-z_][a-z0-9_$]*)';

function parseList(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : Number(m[2]));
  return out;
}

function tighten(c: ColumnCheck, op: string, n: number): void {
  if (op === '>=' || op === '>') {
    if (c.min === undefined || n >= c.min) {
      c.min = n;
      c.minExclusive = op === '>';
    }
  } else if (op === '<=' || op === '<') {
    if (c.max === undefined || n <= c.max) {
      c.max = n;
      c.maxExclusive = op === '<';
    }
  } else if (op === '=') c.values = [n];
}

const FLIP: Record<string, string> = { '>': '<', '<': '>', '>=': '<=', '<=': '>=', '=': '=' };

/** Parses one CHECK definition into per-column facts (column names lower-cased). */
export function parseCheck(definition: string): Map<string, ColumnCheck> {
  const out = new Map<string, ColumnCheck>();
  const get = (col: string): ColumnCheck => {
    let c = out.get(col);
    if (!c) out.set(col, (c = {}));
    return c;
  };
  // Drop PostgreSQL casts and identifier quotes; keep string literals intact.
  let s = definition
    .replace(/::\s*"?[a-z_][a-z0-9_]*"?(\s+(varying|precision|with(out)?\s+time\s+zone))?(\(\d+(,\d+)?\))?(\[\])?/gi, '')
    .replace(/[`"[\]](?=[a-z_])|(?<=[a-z0-9_])[`"\]]/gi, '')
    .toLowerCase()
    .replace(/^\s*check\s*/, '');
  if (/\bor\b/.test(s.replace(/'(?:[^']|'')*'/g, "''"))) return out;
  let m: RegExpExecArray | null;
  const anyRe = new RegExp(`${ID}\\)*\\s*=\\s*any\\s*\\(\\s*\\(*\\s*array\\s*\\[([^\\]]*)\\]\\s*\\)*`, 'g');
  while ((m = anyRe.exec(s))) get(m[1]!).values = parseList(m[2]!);
  s = s.replace(anyRe, ' ');
  const inRe = new RegExp(`${ID}\\)*\\s+in\\s*\\(([^)]*)\\)`, 'g');
  while ((m = inRe.exec(s))) get(m[1]!).values = parseList(m[2]!);
  s = s.replace(inRe, ' ').replace(/[()]/g, ' ');
  const lenRe = new RegExp(`(?:char_length|length|len)\\s+${ID}\\s*(<=|<)\\s*(\\d+)`, 'g');
  while ((m = lenRe.exec(s))) get(m[1]!).maxLength = Number(m[3]) - (m[2] === '<' ? 1 : 0);
  s = s.replace(lenRe, ' ');
  const betweenRe = new RegExp(`${ID}\\s+between\\s+${NUM}\\s+and\\s+${NUM}`, 'g');
  while ((m = betweenRe.exec(s))) {
    tighten(get(m[1]!), '>=', Number(m[2]));
    tighten(get(m[1]!), '<=', Number(m[3]));
  }
  s = s.replace(betweenRe, ' ');
  const cmpRe = new RegExp(`${ID}\\s*(>=|<=|>|<|=)\\s*${NUM}(?![a-z0-9_])`, 'g');
  while ((m = cmpRe.exec(s))) tighten(get(m[1]!), m[2]!, Number(m[3]));
  const revRe = new RegExp(`(?<![a-z0-9_])${NUM}\\s*(>=|<=|>|<|=)\\s*${ID}`, 'g');
  while ((m = revRe.exec(s))) tighten(get(m[3]!), FLIP[m[2]!]!, Number(m[1]));
  return out;
}

/** Merges every CHECK of a table into one map per column. */
export function columnChecks(definitions: string[]): Map<string, ColumnCheck> {
  const all = new Map<string, ColumnCheck>();
  for (const d of definitions) {
    for (const [col, c] of parseCheck(d)) {
      const prev = all.get(col);
      if (!prev) all.set(col, c);
      else {
        if (c.values) prev.values = c.values;
        if (c.min !== undefined) tighten(prev, c.minExclusive ? '>' : '>=', c.min);
        if (c.max !== undefined) tighten(prev, c.maxExclusive ? '<' : '<=', c.max);
        if (c.maxLength !== undefined) prev.maxLength = Math.min(prev.maxLength ?? Infinity, c.maxLength);
      }
    }
  }
  return all;
}
