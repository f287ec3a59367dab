/**
 * The "Columns" tab of the mock-data dialog: per column of the chosen tables, pick a generator,
 * a share of NULLs, a range and distribution, or a fixed list — or leave it automatic.
 */
import { useState, type ReactNode } from 'react';
import type { MockSuggestions } from '../../../shared/contract';
import { toAppError } from '../../../shared/errors';
import type { SchemaSnapshot } from '../../../shared/schema';
import { useApi } from '../../api/hooks';
import { EMPTY_OVERRIDE, overrideKey, parseOverride, type OverrideForm } from './model';

/** Props: the schema, the chosen tables (dialog names), the generator names and the forms by override key. */
export interface ColumnOverridesProps {
  connectionId: string;
  snapshot: SchemaSnapshot;
  tables: string[];
  generators: string[];
  forms: Record<string, OverrideForm>;
  onChange(forms: Record<string, OverrideForm>): void;
}

/** The dialog name (`table` or `schema.table`) → the snapshot's table. */
function findTable(snapshot: SchemaSnapshot, name: string) {
  for (const s of snapshot.schemas)
    for (const t of s.tables) if (t.name === name || `${s.name}.${t.name}` === name) return t;
  return undefined;
}

/** The per-column override editor. */
export function ColumnOverrides(props: ColumnOverridesProps): ReactNode {
  const api = useApi();
  const [current, setCurrent] = useState(props.tables[0] ?? '');
  const [suggested, setSuggested] = useState<MockSuggestions | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const suggest = (): void => {
    setSuggesting(true);
    setSuggestError(null);
    api
      .call('mock.suggest', { connectionId: props.connectionId, tables: props.tables })
      .then(setSuggested, (err: unknown) => setSuggestError(toAppError(err).message))
      .finally(() => setSuggesting(false));
  };
  const apply = (): void => {
    if (!suggested) return;
    const next = { ...props.forms };
    for (const s of suggested.suggestions) next[s.key] = { ...(next[s.key] ?? EMPTY_OVERRIDE), generator: s.generator };
    props.onChange(next);
    setSuggested(null);
  };
  const tableName = props.tables.includes(current) ? current : (props.tables[0] ?? '');
  const table = findTable(props.snapshot, tableName);
  const problems = table?.columns
    .map((c) => parseOverride(props.forms[overrideKey(tableName, c.name)] ?? EMPTY_OVERRIDE, props.generators))
    .find((r) => !r.ok);
  const set = (key: string, patch: Partial<OverrideForm>): void => props.onChange({ ...props.forms, [key]: { ...(props.forms[key] ?? EMPTY_OVERRIDE), ...patch } });
  return (
    <div className="mock-columns" data-testid="mock-columns">
      <label className="field-label">
        Table{' '}
        <select className="input mock-columns-table" value={tableName} onChange={(e) => setCurrent(e.target.value)}>
          {props.tables.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <div className="mock-suggest">
        <button type="button" className="btn" disabled={suggesting} onClick={suggest}>
          {suggesting ? 'Asking the AI…' : '✦ Suggest generators with AI'}
        </button>
        <span className="field-hint">Sends table and column names, types and comments — never values.</span>
      </div>
      {suggestError && (
        <p className="field-error" role="alert">
          {suggestError}
        </p>
      )}
      {suggested && (
        <div className="mock-suggestions" data-testid="mock-suggestions">
          <p className="field-hint">
            {suggested.suggestions.length} suggestion{suggested.suggestions.length === 1 ? '' : 's'} from {suggested.model}
            {suggested.dropped ? ` (${suggested.dropped} ignored: unknown column or generator)` : ''} — review, then apply:
          </p>
          <ul>
            {suggested.suggestions.map((s) => (
              <li key={s.key}>
                <code>{s.key}</code> → <strong>{s.generator}</strong>
                {s.reason ? <span className="field-hint"> · {s.reason}</span> : null}
              </li>
            ))}
          </ul>
          <div className="mock-suggest">
            <button type="button" className="btn btn-primary" disabled={!suggested.suggestions.length} onClick={apply}>
              Apply suggestions
            </button>
            <button type="button" className="btn" onClick={() => setSuggested(null)}>
              Discard
            </button>
          </div>
        </div>
      )}
      {problems && !problems.ok && (
        <p className="field-error" role="alert">
          {problems.error}
        </p>
      )}
      <p className="field-hint">Empty fields are automatic: the generator is chosen from the column's name and type, and CHECKs, keys and lengths are respected.</p>
      <div className="mock-grid-wrap">
        <table className="mock-grid mock-overrides">
          <thead>
            <tr>
              <th>Column</th>
              <th>Generator</th>
              <th>NULL %</th>
              <th>Min</th>
              <th>Max</th>
              <th>Distribution</th>
              <th>Fixed values</th>
            </tr>
          </thead>
          <tbody>
            {table?.columns
              .filter((c) => !c.generated)
              .map((c) => {
                const key = overrideKey(tableName, c.name);
                const form = props.forms[key] ?? EMPTY_OVERRIDE;
                const check = parseOverride(form, props.generators);
                return (
                  <tr key={c.name} className={check.ok ? undefined : 'is-invalid'} title={check.ok ? undefined : check.error}>
                    <td>
                      <span className="mock-col-name">{c.name}</span> <span className="mock-col-type">{c.dataType}</span>
                    </td>
                    <td>
                      <select aria-label={`Generator of ${c.name}`} className="input" value={form.generator} onChange={(e) => set(key, { generator: e.target.value })}>
                        <option value="">automatic</option>
                        {props.generators.map((g) => (
                          <option key={g} value={g}>
                            {g}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input aria-label={`NULL percent of ${c.name}`} className="input mock-num" inputMode="decimal" disabled={!c.nullable} value={form.nullPercent} onChange={(e) => set(key, { nullPercent: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`Minimum of ${c.name}`} className="input mock-num" inputMode="decimal" value={form.min} onChange={(e) => set(key, { min: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`Maximum of ${c.name}`} className="input mock-num" inputMode="decimal" value={form.max} onChange={(e) => set(key, { max: e.target.value })} />
                    </td>
                    <td>
                      <select aria-label={`Distribution of ${c.name}`} className="input" value={form.distribution} onChange={(e) => set(key, { distribution: e.target.value as OverrideForm['distribution'] })}>
                        <option value="">automatic</option>
                        <option value="uniform">uniform</option>
                        <option value="normal">normal</option>
                        <option value="zipf">zipf</option>
                      </select>
                    </td>
                    <td>
                      <input aria-label={`Fixed values of ${c.name}`} className="input" placeholder="a, b, c" value={form.values} onChange={(e) => set(key, { values: e.target.value })} />
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
