/** `querygenie lint`: schema lint findings (missing keys, unindexed foreign keys, naming, undocumented objects). */
import type { Command } from 'commander';
import { LINT_RULES, type LintFinding, type LintRuleId } from '../../../shared/docs';
import { lintSnapshot } from '../../docs/lint';
import { readSavedDocs } from '../../docs/savedDocs';
import { EXIT, UsageError, reportError, write } from '../io';
import { openTarget, resolveTarget, type TargetOptions } from '../target';

interface LintOptions extends TargetOptions {
  json?: boolean;
  disable?: string;
}

/** Registers the command. */
export function registerLint(program: Command, setExit: (code: number) => void): void {
  program
    .command('lint')
    .description('Check a schema: tables without a primary key, foreign keys without an index, inconsistent naming, undocumented objects')
    .option('--url <url>', 'connection URL or SQLite file path')
    .option('--conn <name>', 'a saved connection (its descriptions and rule switches from the app are used)')
    .option('--json', 'print the findings as JSON')
    .option('--disable <rules>', `comma-separated rules to skip: ${LINT_RULES.map((r) => r.id).join(', ')}`)
    .action(async (opts: LintOptions) => {
      try {
        const disabled = parseRules(opts.disable);
        const saved = opts.conn ? readSavedDocs(opts.conn) : { descriptions: [], disabledRules: [] };
        const descriptions = new Map(saved.descriptions.map((d) => [d.target, d.text]));
        const conn = await openTarget(await resolveTarget({ url: opts.url, conn: opts.conn, readOnly: true }));
        let findings: LintFinding[];
        try {
          findings = lintSnapshot(await conn.introspect(), descriptions, { disabled: [...disabled, ...saved.disabledRules] });
        } finally {
          await conn.close().catch(() => undefined);
        }
        await write(opts.json ? `${JSON.stringify({ findings }, null, 2)}\n` : formatFindings(findings));
        setExit(EXIT.ok);
      } catch (err) {
        setExit(reportError(err));
      }
    });
}

function parseRules(list: string | undefined): LintRuleId[] {
  if (!list) return [];
  const known = new Set<string>(LINT_RULES.map((r) => r.id));
  const rules = list.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = rules.filter((r) => !known.has(r));
  if (unknown.length) throw new UsageError(`Unknown lint rule: ${unknown.join(', ')}. Known rules: ${[...known].join(', ')}.`);
  return rules as LintRuleId[];
}

/** The human form: warnings first, grouped by rule. */
export function formatFindings(findings: LintFinding[]): string {
  if (!findings.length) return 'No findings.\n';
  const lines: string[] = [];
  const ordered = [...LINT_RULES].sort((a, b) => severityOf(a.id, findings) - severityOf(b.id, findings));
  for (const rule of ordered) {
    const mine = findings.filter((f) => f.rule === rule.id);
    if (!mine.length) continue;
    lines.push(`${rule.title} (${rule.id}, ${mine.length}):`);
    for (const f of mine) lines.push(`  ${f.severity === 'warning' ? '!' : '-'} ${f.target}: ${f.message}`);
    lines.push('');
  }
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'} (${warnings} warning${warnings === 1 ? '' : 's'}).`);
  return `${lines.join('\n')}\n`;
}

const severityOf = (rule: LintRuleId, findings: LintFinding[]): number => (findings.some((f) => f.rule === rule && f.severity === 'warning') ? 0 : 1);
