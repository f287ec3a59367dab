/** Advisor findings as CLI text: severity, rule, the node they cite (path and label), the fix and its SQL. */
import type { Finding } from '../../shared/plan/types';

/** The findings block printed under the plan by `querygenie explain --advise`. */
export function renderFindings(findings: Finding[]): string {
  if (findings.length === 0) return '\nAdvisor: no findings.\n';
  const lines = [`\nAdvisor: ${findings.length} finding${findings.length > 1 ? 's' : ''}`];
  findings.forEach((f, i) => {
    lines.push('', `${i + 1}. [${f.severity}] ${f.rule} — node ${f.nodePath}: ${f.node}`, `   ${f.message}`, `   Fix: ${f.fix}`);
    if (f.sql) lines.push(`   Apply: ${f.sql.apply};`, `   Undo:  ${f.sql.undo};`);
  });
  return `${lines.join('\n')}\n`;
}
