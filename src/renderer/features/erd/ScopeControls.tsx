/**
 * The scope part of the toolbar: "Whole schema" with a schema picker, or "Around table" with a
 * table picker and 1–3 hops. A saved view shows its name instead, with a way back.
 */
import { useState, type ReactNode } from 'react';
import type { ErdScope } from './erdApi';

/** Props: the current scope, what can be picked, and the change callback. */
export interface ScopeControlsProps {
  scope: ErdScope;
  schemas: string[];
  /** `schema.table` ids of every table, for the "around" picker. */
  tables: string[];
  viewName: string | null;
  onScope(scope: ErdScope): void;
}

/** Scope pickers. */
export function ScopeControls(props: ScopeControlsProps): ReactNode {
  const { scope, onScope } = props;
  const [tableText, setTableText] = useState(scope.mode === 'around' ? scope.focus : '');
  // A scope chosen elsewhere (search, a saved view) shows its table in the box.
  const [shownScope, setShownScope] = useState(scope);
  if (shownScope !== scope) {
    setShownScope(scope);
    if (scope.mode === 'around') setTableText(scope.focus);
  }
  const firstTable = props.tables[0] ?? '';
  const hops = scope.mode === 'around' ? scope.hops : 1;

  if (scope.mode === 'view') {
    return (
      <div className="erd-toolbar-group">
        <span>
          View <strong data-testid="erd-view-name">{props.viewName ?? '…'}</strong>
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onScope({ mode: 'schema', schema: null })}
        >
          Whole schema
        </button>
      </div>
    );
  }

  const applyTable = (text: string, h = hops) => {
    const t = text.trim();
    const id =
      props.tables.find((x) => x === t) ??
      props.tables.find((x) => x.slice(x.indexOf('.') + 1) === t);
    if (id) onScope({ mode: 'around', focus: id, hops: h });
  };

  return (
    <div className="erd-toolbar-group">
      <select
        aria-label="Diagram scope"
        value={scope.mode}
        onChange={(e) => {
          if (e.target.value === 'schema') onScope({ mode: 'schema', schema: null });
          else applyTable(tableText || firstTable);
        }}
      >
        <option value="schema">Whole schema</option>
        <option value="around" disabled={props.tables.length === 0}>
          Around table
        </option>
      </select>
      {scope.mode === 'schema' && props.schemas.length > 1 && (
        <select
          aria-label="Schema"
          value={scope.schema ?? ''}
          onChange={(e) => onScope({ mode: 'schema', schema: e.target.value || null })}
        >
          <option value="">All schemas</option>
          {props.schemas.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
      {scope.mode === 'around' && (
        <>
          <input
            className="erd-table-input"
            aria-label="Centre table"
            list="erd-table-options"
            value={tableText}
            onChange={(e) => {
              setTableText(e.target.value);
              // Picking from the list applies at once; typing applies on Enter.
              if (props.tables.includes(e.target.value)) applyTable(e.target.value);
            }}
            onKeyDown={(e) => e.key === 'Enter' && applyTable(tableText)}
          />
          <datalist id="erd-table-options">
            {props.tables.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <select
            aria-label="Hops"
            value={hops}
            onChange={(e) => applyTable(scope.focus, Number(e.target.value))}
          >
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? 'hop' : 'hops'}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
