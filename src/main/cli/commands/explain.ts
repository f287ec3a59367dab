/** `querygenie explain`: print a statement's plan (normalised tree, or the engine's raw plan as JSON). */
import type { Command } from 'commander';
import type { PlanNode } from '../../../shared/query';
import { renderFindings } from '../../plan/cliFindings';
import { advise } from '../../plan/advisor/advise';
import { EXIT, readStdin, reportError, UsageError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

/** Registers the command. */
export function registerExplain(program: Command, setExit: (code: number) => void): void {
  program
    .command('explain')
    .description("Show a statement's execution plan")
    .argument('[sql]', 'the statement (or stdin)')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection')
    .option('--analyze', 'run it to get actual rows and times (inside a rolled-back transaction)')
    .option('--json', 'print {raw, plan} as JSON')
    .option('--advise', 'also run the offline advisor: findings with the plan node they cite and the fix SQL')
    .action(async (sqlArg: string | undefined, opts: TargetOptions & { analyze?: boolean; json?: boolean; advise?: boolean }) => {
      try {
        const sql = sqlArg ?? (await readStdin());
        if (!sql.trim()) throw new UsageError('No SQL given. Pass the statement as an argument or on stdin.');
        const conn = await openTarget(await resolveTarget(opts));
        try {
          const result = await conn.explain(sql, { analyze: opts.analyze === true });
          // The advisor reads indexes and foreign keys from a snapshot; without one it still runs (fewer rules).
          const findings = opts.advise ? advise(result.plan, { engine: conn.dialect.engine, sql, ...(await conn.introspect().then((snapshot) => ({ snapshot })).catch(() => ({}))) }) : undefined;
          if (opts.json) await write(`${JSON.stringify(findings ? { ...result, findings } : result, null, 2)}\n`);
          else await write(renderPlan(result.plan) + (findings ? renderFindings(findings) : ''));
          setExit(EXIT.ok);
        } finally {
          await conn.close().catch(() => undefined);
        }
      } catch (err) {
        setExit(reportError(err));
      }
    });
}

/** The normalised plan as an indented tree. */
export function renderPlan(node: PlanNode, depth = 0): string {
  const facts = [
    node.relation ? `on ${node.relation}` : '',
    node.estimatedRows !== undefined ? `est. rows ${node.estimatedRows}` : '',
    node.actualRows !== undefined ? `actual rows ${node.actualRows}` : '',
    node.cost !== undefined ? `cost ${node.cost}` : '',
    node.timeMs !== undefined ? `${node.timeMs} ms` : '',
  ].filter(Boolean);
  const line = `${'  '.repeat(depth)}${depth > 0 ? '-> ' : ''}${node.op}${facts.length ? `  (${facts.join(', ')})` : ''}\n`;
  return line + node.children.map((c) => renderPlan(c, depth + 1)).join('');
}
