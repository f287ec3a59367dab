/**
 * Splits a script into statements per dialect with `dbgate-query-splitter` (strings, comments,
 * PostgreSQL dollar quotes, MySQL `DELIMITER`, SQL Server `GO`), then repairs what the library
 * does not know: MySQL `#` comments, and compound bodies (SQLite triggers, MySQL routines
 * without DELIMITER, PostgreSQL `BEGIN ATOMIC`) that hold semicolons of their own.
 */
import {
  mssqlSplitterOptions,
  mysqlSplitterOptions,
  postgreSplitterOptions,
  splitQuery,
  sqliteSplitterOptions,
  type SplitterOptions,
} from 'dbgate-query-splitter';
import type { SplitResultItemRich } from 'dbgate-query-splitter/lib/splitQuery';
import type { SplitterDialect } from '../drivers/types';
import { openBlockDepth, opensCompoundBody } from './splitterBlocks';
import { tokenizeSql } from './sqlTokens';

/** One statement of a script, with where it starts in the script. */
export interface ScriptStatement {
  /** The statement text, trimmed, without its trailing delimiter. */
  sql: string;
  /** 0-based offset of the statement's first character in the script. */
  offset: number;
  /** 1-based line of the statement's first character. */
  line: number;
  /** 1-based column of the statement's first character. */
  column: number;
}

/** A position in a script: 1-based line and column, 0-based offset. */
export interface ScriptPosition {
  line: number;
  column: number;
  offset: number;
}

const OPTIONS: Record<SplitterDialect, SplitterOptions> = {
  postgres: postgreSplitterOptions,
  mysql: mysqlSplitterOptions,
  mssql: mssqlSplitterOptions,
  // The library's BEGIN/END tracking matches inside words (`weekend`, `begin_date`) and
  // treats a bare `BEGIN;` as a block; trigger bodies are rejoined by `mergeCompoundBodies`.
  sqlite: { ...sqliteSplitterOptions, skipSeparatorBeginEnd: false },
};

interface Span {
  start: number;
  end: number;
}

/** Splits `sql` into its statements; blank statements and DELIMITER lines are dropped. */
export function splitScript(sql: string, dialect: SplitterDialect): ScriptStatement[] {
  const source = maskForLibrary(sql, dialect);
  const items = splitQuery(source, { ...OPTIONS[dialect], returnRichInfo: true }) as SplitResultItemRich[];
  const spans: Span[] = items.map((item) => {
    const start = item.trimStart?.position ?? item.start.position;
    const end = item.trimEnd?.position ?? item.end.position;
    return { start, end };
  });
  const merged = dialect === 'mssql' ? spans : mergeCompoundBodies(sql, spans, dialect);
  const lines = lineStarts(sql);
  const out: ScriptStatement[] = [];
  for (const span of merged) {
    const text = sql.slice(span.start, span.end);
    const lead = text.length - text.trimStart().length;
    const body = text.trim();
    // A trailing comment is not a statement; engines reject an "empty query".
    if (isCommentOnly(body, dialect)) continue;
    const pos = positionOf(lines, span.start + lead);
    out.push({ sql: body, offset: pos.offset, line: pos.line, column: pos.column });
  }
  return out;
}

/**
 * The statement containing `cursorOffset`, or the last one before it (the cursor sits in the
 * blank space after a statement), or the first one when the cursor precedes every statement.
 * Null for a script without statements.
 */
export function statementAtCursor(
  sql: string,
  dialect: SplitterDialect,
  cursorOffset: number,
): ScriptStatement | null {
  const statements = splitScript(sql, dialect);
  let found: ScriptStatement | null = null;
  for (const stmt of statements) {
    if (stmt.offset <= cursorOffset) found = stmt;
    else break;
  }
  return found ?? statements[0] ?? null;
}

/**
 * Converts a 0-based offset inside `stmt.sql` (as drivers report error positions) into script
 * coordinates. The offset is clamped to the statement.
 */
export function positionInScript(stmt: ScriptStatement, offsetInStatement: number): ScriptPosition {
  const at = Math.max(0, Math.min(Math.floor(offsetInStatement), stmt.sql.length));
  const before = stmt.sql.slice(0, at);
  const lastNewline = before.lastIndexOf('\n');
  let newlines = 0;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) === 10) newlines++;
  return {
    line: stmt.line + newlines,
    column: lastNewline < 0 ? stmt.column + at : at - lastNewline,
    offset: stmt.offset + at,
  };
}

/** Joins pieces that the library cut inside a compound body back into one span. */
function mergeCompoundBodies(sql: string, spans: Span[], dialect: SplitterDialect): Span[] {
  const out: Span[] = [];
  let i = 0;
  while (i < spans.length) {
    const current = { ...spans[i] };
    i++;
    if (opensCompoundBody(sql.slice(current.start, current.end), dialect)) {
      while (i < spans.length && openBlockDepth(sql.slice(current.start, current.end), dialect) > 0) {
        current.end = spans[i].end;
        i++;
      }
    }
    out.push(current);
  }
  return out;
}

/**
 * Hides what the library would misread, keeping every offset: MySQL `#` comments become spaces,
 * and the bodies of PostgreSQL E'…' strings (backslash escapes such as \') become `x`s.
 */
function maskForLibrary(sql: string, dialect: SplitterDialect): string {
  // Most scripts have neither; skip the tokenizer pass for them.
  if (dialect === 'mysql' ? !sql.includes('#') : dialect !== 'postgres' || !/(^|[^\w$])[eE]'/.test(sql)) return sql;
  let out = '';
  let last = 0;
  for (const t of tokenizeSql(sql, dialect, { comments: true })) {
    let start: number;
    let end: number;
    if (dialect === 'mysql' && t.kind === 'comment' && t.text[0] === '#') {
      [start, end] = [t.start, t.end];
    } else if (dialect === 'postgres' && t.kind === 'string' && t.text[0] === "'" && /[eE]/.test(sql[t.start - 1] ?? '')) {
      [start, end] = [t.start + 1, Math.max(t.start + 1, t.end - 1)];
    } else {
      continue;
    }
    const filler = dialect === 'mysql' ? ' ' : 'x';
    out += sql.slice(last, start) + sql.slice(start, end).replace(/[^\n]/g, filler);
    last = end;
  }
  return last === 0 ? sql : out + sql.slice(last);
}

// One flat alternation (no nested quantifiers), so a near-miss cannot backtrack exponentially.
// A block comment ends at its first `*/` ([^*]*\*+(?:[^/*][^*]*\*+)*\/), so matches never overlap.
const COMMENT_ONLY = /^(?:\s|--[^\n]*(?:\n|$)|\/\*(?!M?!)[^*]*\*+(?:[^/*][^*]*\*+)*\/)*$/;
const COMMENT_ONLY_MYSQL = /^(?:\s|--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|\/\*(?!M?!)[^*]*\*+(?:[^/*][^*]*\*+)*\/)*$/;

/** True when `text` holds only comments (MySQL's executable /*! … *\/ comments are code). */
function isCommentOnly(text: string, dialect: SplitterDialect): boolean {
  return (dialect === 'mysql' ? COMMENT_ONLY_MYSQL : COMMENT_ONLY).test(text);
}

function lineStarts(sql: string): number[] {
  const starts = [0];
  for (let i = 0; i < sql.length; i++) if (sql.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(lines: number[], offset: number): ScriptPosition {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo] + 1, offset };
}
