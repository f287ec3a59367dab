/**
 * A GitHub-flavoured Markdown table. `|` is escaped as `\|`, line breaks become `<br>`, NULL is
 * written as `NULL` and '' as an empty cell. Binary is hex, dates ISO-8601.
 */
import type { ColumnMeta } from '../../../shared/query';
import { cellToText, type CellValue, type Row } from '../../../shared/values';
import type { RowWriter } from './types';

/** One Markdown table cell's text. */
export function markdownCell(v: CellValue): string {
  if (v === null) return 'NULL';
  return cellToText(v)
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

function line(cells: string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

/** The Markdown writer. */
export function markdownWriter(columns: ColumnMeta[]): RowWriter {
  return {
    header: () =>
      columns.length === 0
        ? ''
        : line(columns.map((c) => markdownCell(c.name))) + line(columns.map(() => '---')),
    rows(batch: Row[]): string {
      if (columns.length === 0) return '';
      let out = '';
      for (const row of batch) out += line(columns.map((_, i) => markdownCell(row[i] ?? null)));
      return out;
    },
    footer: () => '',
  };
}
