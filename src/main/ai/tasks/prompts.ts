/**
 * The prompts of every AI task. Order is fixed and matters: the schema block comes FIRST as its
 * own system message marked `cacheable` (the stable prefix provider-side prompt caches reuse),
 * then the dialect rules, examples and glossary, then earlier turns, then the task itself.
 */
import type { Engine } from '../../../shared/connection';
import type { PlanNode } from '../../../shared/query';
import type { CellValue } from '../../../shared/values';
import type { ContextExample } from '../../retrieval/contextBuilder';
import type { ChatMessage } from '../types';

/** How to write SQL for an engine, as data (one entry per engine). */
export const DIALECT_RULES: Record<Engine, { name: string; rules: string[] }> = {
  postgres: {
    name: 'PostgreSQL',
    rules: [
      'Quote identifiers with double quotes only when they need it (mixed case, reserved words).',
      'Use LIMIT n for "top n"; use ILIKE for case-insensitive matching; string concatenation is ||.',
      "Dates: date_trunc('month', col), col::date, now(), interval '7 days', EXTRACT(YEAR FROM col).",
      'Use schema-qualified names when the table is not in the public schema.',
    ],
  },
  mysql: {
    name: 'MySQL/MariaDB',
    rules: [
      'Quote identifiers with backticks only when they need it.',
      'Use LIMIT n for "top n"; CONCAT(a, b) joins strings (|| is OR).',
      "Dates: DATE(col), DATE_FORMAT(col, '%Y-%m'), NOW(), DATE_SUB(NOW(), INTERVAL 7 DAY), YEAR(col).",
      'There is no FULL OUTER JOIN; no ILIKE (LIKE is case-insensitive with the usual collations).',
    ],
  },
  sqlite: {
    name: 'SQLite',
    rules: [
      'Quote identifiers with double quotes only when they need it.',
      'Use LIMIT n for "top n"; string concatenation is ||.',
      "Dates are text or numbers: date(col), strftime('%Y-%m', col), date('now', '-7 days').",
      'There is no ILIKE (LIKE is case-insensitive for ASCII); no RIGHT/FULL JOIN before SQLite 3.39.',
    ],
  },
  mssql: {
    name: 'SQL Server (T-SQL)',
    rules: [
      'Quote identifiers with [brackets] only when they need it; qualify with the schema (dbo.table).',
      'Use SELECT TOP (n) … ORDER BY for "top n", or OFFSET … FETCH NEXT n ROWS ONLY; never LIMIT.',
      "Dates: CAST(col AS date), FORMAT(col, 'yyyy-MM'), GETDATE(), DATEADD(day, -7, GETDATE()), YEAR(col).",
      'String concatenation is + or CONCAT(); there is no boolean type in SELECT lists (use CASE).',
    ],
  },
};

/** Shared inputs of every prompt. */
export interface PromptBase {
  engine: Engine;
  /** The schema block (privacy.buildSchemaBlock). */
  schema: string;
  examples?: ContextExample[];
  /** Glossary lines (`term: definition`). */
  glossary?: string[];
  /** Earlier turns of the thread. */
  turns?: ChatMessage[];
}

function schemaMessage(engine: Engine, schema: string): ChatMessage {
  const name = DIALECT_RULES[engine].name;
  return {
    role: 'system',
    cacheable: true,
    content: `You are an expert ${name} engineer helping a user with their database. These are the tables and columns that exist (compact DDL: name type, PK, → foreign key, -- comment or description); nothing else exists:\n\n${schema || '(no tables)'}`,
  };
}

function guidanceMessage(base: PromptBase, format: string): ChatMessage {
  const d = DIALECT_RULES[base.engine];
  const parts = [`${d.name} rules:\n${d.rules.map((r) => `- ${r}`).join('\n')}`];
  if (base.examples?.length) parts.push(`Examples this database's users accepted:\n${base.examples.map((e) => `-- ${e.text}\n${e.sql}`).join('\n\n')}`);
  if (base.glossary?.length) parts.push(`Glossary (the user's business terms):\n${base.glossary.map((g) => `- ${g}`).join('\n')}`);
  parts.push(format);
  return { role: 'system', content: parts.join('\n\n') };
}

function assemble(base: PromptBase, format: string, task: string): ChatMessage[] {
  return [schemaMessage(base.engine, base.schema), guidanceMessage(base, format), ...(base.turns ?? []), { role: 'user', content: task }];
}

const SQL_FORMAT =
  'Answer with exactly one ```sql fenced block holding ONE statement, then one line (no heading) saying what it does. Use only the tables and columns listed above. Write a read-only query unless the user explicitly asks to change data.';

/** Ask: a question → one SQL statement + one line. */
export function askPrompt(base: PromptBase, question: string): ChatMessage[] {
  return assemble(base, SQL_FORMAT, question);
}

/** A repair round: the previous reply and the real errors, asking for corrected SQL. */
export function repairMessages(previousReply: string, errors: string[]): ChatMessage[] {
  return [
    { role: 'assistant', content: previousReply },
    {
      role: 'user',
      content: `That SQL failed validation against the real database:\n${errors.map((e) => `- ${e}`).join('\n')}\n\nReturn the corrected statement in one \`\`\`sql block, then one line saying what you changed.`,
    },
  ];
}

const EXPLAIN_FORMAT = `Explain in exactly these sections (Markdown headings):
## TL;DR
(one line)
## Plain explanation
(a short paragraph a non-expert understands)
## Joins
## Filters
## Performance
(notes on indexes, scans, row counts; say "nothing notable" when so)`;

/** Explain: a query (and, when allowed, a few result rows) → three layers. */
export function explainPrompt(base: PromptBase, sql: string, rows?: { columns: string[]; rows: CellValue[][] } | null): ChatMessage[] {
  let task = `Explain this query:\n\`\`\`sql\n${sql}\n\`\`\``;
  if (rows?.rows.length) task += `\n\nIts first rows:\n${markdownTable(rows.columns, rows.rows)}`;
  return assemble(base, EXPLAIN_FORMAT, task);
}

/** Fix: the failed SQL and the real error → corrected SQL + what changed. */
export function fixPrompt(base: PromptBase, sql: string, error: string): ChatMessage[] {
  return assemble(
    base,
    'Answer with exactly one ```sql fenced block holding the corrected statement, then a line starting "What changed:". Keep the intent of the original; change only what the error requires.',
    `This query failed:\n\`\`\`sql\n${sql}\n\`\`\`\n\nThe database said:\n${error}`,
  );
}

const OPTIMISE_FORMAT = `Answer in exactly these sections (Markdown headings):
## Findings
(bullets: what in the plan is slow and why)
## Rewritten SQL
(one \`\`\`sql block with an equivalent faster query, or "none")
## Index suggestions
(CREATE INDEX statements, one per line, or "none")`;

/** Optimise: a query and its normalised plan → findings, rewrite, indexes. */
export function optimisePrompt(base: PromptBase, sql: string, plan: PlanNode): ChatMessage[] {
  return assemble(base, OPTIMISE_FORMAT, `Query:\n\`\`\`sql\n${sql}\n\`\`\`\n\nIts plan (EXPLAIN, not run):\n${renderPlanText(plan)}`);
}

/** Describe: draft descriptions of a table and its columns as JSON. */
export function describePrompt(base: PromptBase, table: string, columns: string[]): ChatMessage[] {
  return assemble(
    base,
    'Reply with JSON only, no prose: {"table": "<one or two sentences>", "columns": {"<column name>": "<one sentence>", …}}. Describe what the data means for the business, not the type. Say "unclear" rather than guess.',
    `Draft descriptions for the table ${table} and each of its columns: ${columns.join(', ')}.`,
  );
}

/** A normalised plan as an indented tree (one line per node, with its key facts). */
export function renderPlanText(node: PlanNode, depth = 0): string {
  const facts = [
    node.relation ? `on ${node.relation}` : '',
    node.estimatedRows !== undefined ? `rows≈${node.estimatedRows}` : '',
    node.cost !== undefined ? `cost ${node.cost}` : '',
    ...Object.entries(node.detail ?? {})
      .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
      .slice(0, 6)
      .map(([k, v]) => `${k}: ${String(v).slice(0, 200)}`),
  ].filter(Boolean);
  const line = `${'  '.repeat(depth)}${depth ? '-> ' : ''}${node.op}${facts.length ? ` (${facts.join(', ')})` : ''}`;
  return [line, ...node.children.map((c) => renderPlanText(c, depth + 1))].join('\n');
}

function markdownTable(columns: string[], rows: CellValue[][]): string {
  const cell = (v: CellValue): string => (v === null ? 'NULL' : String(v).replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 80));
  return [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}
