/** What this connection lets leave the machine, with the two switches one click away. */
import { useState, type ReactNode } from 'react';
import { LockIcon } from '../../ui/icons';
import type { PrivacySettings } from './types';

/** The privacy line of a connection. */
export function privacyLabel(p: PrivacySettings | null): string {
  if (!p) return 'Privacy: unknown';
  if (p.sampleValues && p.resultRows) return 'Sends names, sample values and result rows';
  if (p.sampleValues) return 'Sends names and sample values';
  if (p.resultRows) return 'Sends names and result rows';
  return 'Sends names and types only';
}

/** The per-column overrides with one column allowed, or its override removed (`null`). */
export function withColumn(columns: Record<string, 'allow' | 'deny'> | undefined, column: string, value: 'allow' | 'deny' | null): Record<string, 'allow' | 'deny'> {
  const next = { ...(columns ?? {}) };
  if (value === null) delete next[column];
  else next[column] = value;
  return next;
}

/** The indicator and its editor. */
export function PrivacyControl(props: { privacy: PrivacySettings | null; connectionName: string; onChange(next: PrivacySettings): void }): ReactNode {
  const [open, setOpen] = useState(false);
  const p = props.privacy;
  const relaxed = !!p && (p.sampleValues || p.resultRows);
  return (
    <div className={`ai-privacy${relaxed ? ' is-relaxed' : ''}`} data-testid="ai-privacy">
      <LockIcon size={11} />
      <span>{privacyLabel(p)}</span>
      {p && (
        <button type="button" className="ai-link" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Done' : 'Change'}
        </button>
      )}
      {open && p && (
        <div className="ai-privacy-form">
          <label>
            <input type="checkbox" checked={p.sampleValues} onChange={(e) => props.onChange({ ...p, sampleValues: e.target.checked })} /> Allow sample values of{' '}
            {props.connectionName} (columns that look personal stay hidden)
          </label>
          <label>
            <input type="checkbox" checked={p.resultRows} onChange={(e) => props.onChange({ ...p, resultRows: e.target.checked })} /> Allow result rows for explanations
          </label>
          {(p.personal?.length ?? 0) > 0 && (
            <details className="ai-privacy-columns" data-testid="ai-privacy-columns">
              <summary>
                {p.personal!.length} column{p.personal!.length === 1 ? '' : 's'} look personal — values never sent; tick one to allow it
              </summary>
              <ul>
                {p.personal!.map((c) => (
                  <li key={c.column}>
                    <label title={c.reason}>
                      <input
                        type="checkbox"
                        checked={p.columns?.[c.column] === 'allow'}
                        onChange={(e) => props.onChange({ ...p, columns: withColumn(p.columns, c.column, e.target.checked ? 'allow' : null) })}
                        aria-label={`Send values of ${c.column}`}
                      />
                      <code>{c.column}</code> <span className="ai-faint">{c.reason}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
