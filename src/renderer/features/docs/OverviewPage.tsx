/**
 * The Docs view's overview: database summary and coverage, the lint report with a switch per
 * rule (saved per connection), descriptions whose object is gone, and the glossary editor.
 */
import { useState, type ReactNode } from 'react';
import type { DocsBundleWithOrphans, LintRuleId } from '../../../shared/docs';
import { percent, type TableIndex } from '../../../shared/docsPage';
import { toAppError } from '../../../shared/errors';
import { snapshotCounts } from '../../../shared/schema';
import { useApi, useRequest } from '../../api/hooks';
import { Markdown } from './DescriptionEditor';
import { lintGroups, toggleRule } from './model';

/** Props: the bundle and how to navigate / refresh. */
export interface OverviewPageProps {
  connectionId: string;
  bundle: DocsBundleWithOrphans;
  index: TableIndex;
  onOpen(target: string): void;
  onChanged(): void;
}

function Card(props: { value: string; label: string; ratio?: number }): ReactNode {
  return (
    <div className="docs-card">
      <div className="docs-card-value">{props.value}</div>
      <div className="docs-card-label">{props.label}</div>
      {props.ratio !== undefined && <div className="docs-bar" role="progressbar" aria-label={props.label} aria-valuenow={Math.round(props.ratio * 100)} aria-valuemin={0} aria-valuemax={100}><span style={{ width: `${Math.round(props.ratio * 100)}%` }} /></div>}
    </div>
  );
}

/** The overview page. */
export function OverviewPage(props: OverviewPageProps): ReactNode {
  const { bundle, connectionId } = props;
  const api = useApi();
  const settings = useRequest('docs.lint.settings.get', { connectionId });
  const [error, setError] = useState<string | null>(null);
  const c = snapshotCounts(bundle.snapshot);
  const cov = bundle.coverage;
  const disabled = settings.data?.disabled ?? [];

  const setRule = (rule: LintRuleId, enabled: boolean): void => {
    api.call('docs.lint.settings.save', { connectionId, disabled: toggleRule(disabled, rule, enabled) }).then(
      () => {
        settings.reload();
        props.onChanged();
      },
      (err: unknown) => setError(toAppError(err).message),
    );
  };

  return (
    <article className="docs-page" data-testid="docs-overview">
      <header className="docs-page-header">
        <div className="docs-faint">{bundle.snapshot.engine}{bundle.snapshot.serverVersion ? ` ${bundle.snapshot.serverVersion}` : ''} · snapshot {new Date(bundle.snapshot.capturedAt).toLocaleString()}</div>
        <h2>{bundle.snapshot.database || 'Database'}</h2>
      </header>
      <div className="docs-cards">
        <Card value={String(c.tables)} label="tables" />
        <Card value={String(c.views)} label="views" />
        <Card value={String(c.columns)} label="columns" />
        <Card value={String(c.foreignKeys)} label="foreign keys" />
        <Card value={percent(cov.tables.documented, cov.tables.total)} label={`tables described (${cov.tables.documented} of ${cov.tables.total})`} ratio={cov.tables.total ? cov.tables.documented / cov.tables.total : 0} />
        <Card value={percent(cov.columns.documented, cov.columns.total)} label={`columns described (${cov.columns.documented} of ${cov.columns.total})`} ratio={cov.columns.total ? cov.columns.documented / cov.columns.total : 0} />
      </div>

      <section className="docs-section" aria-label="Lint">
        <h3>Lint <span className="docs-count">{bundle.lint.length}</span></h3>
        {error && <p className="docs-error" role="alert">{error}</p>}
        {lintGroups(bundle.lint, disabled).map((g) => (
          <details key={g.rule.id} className="docs-lint-group" open={g.enabled && g.findings.length > 0 && g.findings.length <= 20}>
            <summary>
              <label className="docs-switch" onClick={(e) => e.stopPropagation()}>
                <input type="checkbox" checked={g.enabled} disabled={!settings.data} onChange={(e) => setRule(g.rule.id, e.target.checked)} aria-label={`Rule: ${g.rule.title}`} />
              </label>
              <span className={g.enabled ? '' : 'docs-faint'}>{g.rule.title}</span>
              <span className="docs-count">{g.enabled ? g.findings.length : 'off'}</span>
            </summary>
            <p className="docs-faint">{g.rule.explanation}</p>
            <ul className="docs-lint-list">
              {g.findings.slice(0, 500).map((f) => {
                const table = props.index.tableOf(f.target);
                return (
                  <li key={`${f.target}\u0000${f.message}`}>
                    {table ? <button type="button" className="docs-link mono" onClick={() => props.onOpen(table.target)}>{f.target}</button> : <span className="mono">{f.target}</span>} — {f.message}
                  </li>
                );
              })}
              {g.findings.length > 500 && <li className="docs-faint">… and {g.findings.length - 500} more</li>}
            </ul>
          </details>
        ))}
      </section>

      {bundle.orphans.length > 0 && (
        <section className="docs-section" aria-label="Orphaned descriptions">
          <h3>Descriptions of objects no longer in the schema <span className="docs-count">{bundle.orphans.length}</span></h3>
          <ul className="docs-lint-list">{bundle.orphans.map((o) => <li key={o.target}><span className="mono">{o.target}</span> — {o.text.slice(0, 120)}</li>)}</ul>
        </section>
      )}

      <Glossary connectionId={connectionId} terms={bundle.glossary} onChanged={props.onChanged} />
    </article>
  );
}

/** The glossary: terms with Markdown definitions; add, edit (rename) and delete. */
function Glossary(props: { connectionId: string; terms: { term: string; definition: string }[]; onChanged(): void }): ReactNode {
  const api = useApi();
  const [editing, setEditing] = useState<{ previous?: string; term: string; definition: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (p: Promise<unknown>): void => {
    p.then(() => {
      setEditing(null);
      setError(null);
      props.onChanged();
    }, (err: unknown) => setError(toAppError(err).message));
  };
  return (
    <section className="docs-section" aria-label="Glossary">
      <h3>Glossary <span className="docs-count">{props.terms.length}</span>
        <button type="button" className="btn btn-small docs-h-action" onClick={() => setEditing({ term: '', definition: '' })}>Add term</button>
      </h3>
      {error && <p className="docs-error" role="alert">{error}</p>}
      {editing && (
        <div className="docs-editor docs-glossary-form">
          <input aria-label="Term" placeholder="Term" value={editing.term} onChange={(e) => setEditing({ ...editing, term: e.target.value })} />
          <textarea aria-label="Definition (Markdown)" placeholder="Definition (Markdown)" rows={3} value={editing.definition} onChange={(e) => setEditing({ ...editing, definition: e.target.value })} />
          <div className="docs-editor-actions">
            <button type="button" className="btn btn-small btn-primary" disabled={!editing.term.trim()} onClick={() => done(api.call('docs.glossary.save', { connectionId: props.connectionId, term: editing.term, definition: editing.definition, ...(editing.previous ? { previousTerm: editing.previous } : {}) }))}>Save term</button>
            <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>Cancel</button>
          </div>
        </div>
      )}
      {props.terms.length === 0 && !editing && <p className="docs-faint">No terms yet: add the business words your tables use (e.g. "GMV", "active customer").</p>}
      <dl className="docs-glossary">
        {props.terms.map((t) => (
          <div key={t.term} className="docs-glossary-item">
            <dt>{t.term}
              <button type="button" className="btn btn-small" onClick={() => setEditing({ previous: t.term, term: t.term, definition: t.definition })}>Edit</button>
              <button type="button" className="btn btn-small" onClick={() => done(api.call('docs.glossary.delete', { connectionId: props.connectionId, term: t.term }))}>Delete</button>
            </dt>
            <dd><Markdown text={t.definition} /></dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
