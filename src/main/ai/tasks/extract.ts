/**
 * Reading model replies: the SQL of an answer (a fenced block, or the whole reply when it is
 * SQL), the sections of an explanation, the findings of an optimisation and the JSON of
 * description drafts — robust to the usual deviations (other fence languages, prose around
 * JSON, trailing commas, headings with different levels or case).
 */

/** The SQL and the prose of a reply. */
export interface ExtractedSql {
  sql: string | null;
  /** The text after the SQL block (else before it), trimmed: the one-line explanation, "what changed" … */
  prose: string;
}

const FENCE = /```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)```/g;
const SQL_START = /^\s*(with|select|insert|update|delete|merge|create|alter|drop|truncate|replace|explain|values|table|call|exec|execute|pragma)\b/i;

/** The SQL of a reply: the ```sql block (else the first fenced block that looks like SQL), else the whole reply if it is SQL. */
export function extractSql(reply: string): ExtractedSql {
  const blocks = [...reply.matchAll(FENCE)].map((m) => ({ lang: m[1].toLowerCase(), body: m[2].trim(), whole: m[0] }));
  const pick = blocks.find((b) => b.lang === 'sql' || b.lang.endsWith('sql')) ?? blocks.find((b) => SQL_START.test(b.body));
  if (pick) {
    // The format asks for the line AFTER the block; a preamble ("Here it is:") is the fallback.
    const at = reply.indexOf(pick.whole);
    const after = reply.slice(at + pick.whole.length).trim();
    return { sql: stripTrailingSemicolon(pick.body), prose: after || reply.slice(0, at).trim() };
  }
  // An unterminated fence (the stream was cut, or the model forgot to close it).
  const open = /```[ \t]*sql[^\n]*\n([\s\S]*)$/i.exec(reply);
  if (open && SQL_START.test(open[1])) return { sql: stripTrailingSemicolon(open[1].trim()), prose: reply.slice(0, open.index).trim() };
  const trimmed = reply.trim();
  if (SQL_START.test(trimmed)) {
    // "SELECT …;\n\nThis lists …": the SQL ends at the first blank line after a semicolon.
    const end = /;\s*\n\s*\n/.exec(trimmed);
    if (end) return { sql: stripTrailingSemicolon(trimmed.slice(0, end.index + 1)), prose: trimmed.slice(end.index + end[0].length).trim() };
    return { sql: stripTrailingSemicolon(trimmed), prose: '' };
  }
  return { sql: null, prose: trimmed };
}

function stripTrailingSemicolon(sql: string): string {
  return sql.replace(/;\s*$/, '').trim();
}

/** The first non-empty line of prose, without list markers or an "Explanation:" label. */
export function oneLine(prose: string): string {
  const line = prose
    .split('\n')
    // A heading alone ("## What changed", "**Changes:**") is a label, not the text.
    .filter((l) => !/^\s*(#+\s*|\*\*)?(explanation|what changed|changes)\s*:?\s*(\*\*)?\s*:?\s*$/i.test(l))
    .map((l) => l.replace(/^\s*([-*>#]+|\d+\.)\s*/, '').replace(/^\*{0,2}(explanation|what changed|changes)\*{0,2}\s*:\s*/i, '').trim())
    .find(Boolean);
  return line ?? '';
}

/**
 * Splits a reply into sections by headings (`## TL;DR`, `**Joins:**`, `TLDR:`), keyed by the
 * normalised heading; text before the first heading is under ''.
 */
export function sections(reply: string): Map<string, string> {
  const out = new Map<string, string>();
  let key = '';
  let buf: string[] = [];
  const flush = (): void => {
    const text = buf.join('\n').trim();
    if (text || !out.has(key)) out.set(key, [out.get(key), text].filter(Boolean).join('\n'));
    buf = [];
  };
  for (const line of reply.split('\n')) {
    const h = headingOf(line);
    if (h) {
      flush();
      key = h.key;
      if (h.rest) buf.push(h.rest);
    } else buf.push(line);
  }
  flush();
  return out;
}

/** A heading line (`## Joins`, `**Joins:** text`, `Joins: text`) with a known name, and text after it. */
function headingOf(line: string): { key: string; rest: string } | null {
  const m =
    /^\s*#{1,6}\s*(.+?)\s*#*\s*$/.exec(line) ??
    /^\s*\*\*([^*]+?):?\*\*:?\s*(.*)$/.exec(line) ??
    /^\s*([A-Za-z][A-Za-z ;/&-]{1,30}):\s*(.*)$/.exec(line);
  if (!m) return null;
  const key = normaliseHeading(m[1].replace(/:$/, ''));
  return KNOWN_HEADINGS.has(key) ? { key, rest: (m[2] ?? '').trim() } : null;
}

const KNOWN_HEADINGS = new Set(['tldr', 'plain', 'explanation', 'detail', 'details', 'joins', 'filters', 'performance', 'findings', 'rewrite', 'rewritten sql', 'indexes', 'index suggestions', 'what changed', 'changes']);

function normaliseHeading(h: string): string {
  const s = h.toLowerCase().replace(/[;/&-]/g, '').replace(/\s+/g, ' ').trim();
  if (s === 'tl dr' || s === 'tl;dr' || s === 'summary') return 'tldr';
  if (s === 'plain explanation' || s === 'in plain words' || s === 'plain english') return 'plain';
  if (s === 'performance notes') return 'performance';
  return s;
}

/** The three layers of an explanation reply. */
export interface ExplainSections {
  tldr: string;
  plain: string;
  detail: { joins: string; filters: string; performance: string };
}

/** Parses an explanation; a reply without the expected headings becomes TL;DR (its first line) + plain (the rest). */
export function parseExplainReply(reply: string): ExplainSections {
  const s = sections(reply);
  const get = (...keys: string[]): string => keys.map((k) => s.get(k) ?? '').find(Boolean) ?? '';
  const tldr = get('tldr');
  if (!tldr && !s.get('plain') && !s.get('joins')) {
    const text = reply.trim();
    return { tldr: oneLine(text), plain: text, detail: { joins: '', filters: '', performance: '' } };
  }
  return {
    tldr: oneLine(tldr) || oneLine(get('')),
    plain: get('plain', 'explanation', ''),
    detail: { joins: get('joins'), filters: get('filters'), performance: get('performance') },
  };
}

/** Bullet items of a section (lines starting with -, *, or a number), else its non-empty lines. */
export function bullets(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const items = lines.filter((l) => /^([-*•]|\d+[.)])\s+/.test(l)).map((l) => l.replace(/^([-*•]|\d+[.)])\s+/, ''));
  return (items.length ? items : lines).filter((l) => !l.startsWith('```'));
}

/** Index statements in a reply (CREATE INDEX …), wherever they are. */
export function indexStatements(reply: string): string[] {
  return [...reply.matchAll(/create\s+(?:unique\s+)?index\b[^;`]*;?/gi)].map((m) => m[0].trim().replace(/;$/, ''));
}

/**
 * The first JSON object or array in a reply: fenced or bare, with trailing commas and comments
 * tolerated. Undefined when nothing parses.
 */
export function parseJsonLoose(reply: string): unknown {
  const fenced = /```(?:json)?[^\n]*\n([\s\S]*?)```/i.exec(reply)?.[1];
  const candidates = [fenced, reply].filter((x): x is string => !!x);
  for (const text of candidates) {
    const start = text.search(/[[{]/);
    if (start < 0) continue;
    const open = text[start];
    const close = open === '{' ? '}' : ']';
    const end = text.lastIndexOf(close);
    if (end <= start) continue;
    const body = text.slice(start, end + 1);
    for (const attempt of [body, body.replace(/\/\/[^\n"]*$/gm, '').replace(/,\s*([}\]])/g, '$1')]) {
      try {
        return JSON.parse(attempt) as unknown;
      } catch {
        // try the next repair
      }
    }
  }
  return undefined;
}
