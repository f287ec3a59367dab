/** The context chips: the tables an answer used; × removes one, + pins one from the schema. */
import { useState, type ReactNode } from 'react';
import { CloseIcon, PlusIcon } from '../../ui/icons';
import { orderChips, pickerTables, shortTableName, visibleChips, type ChipEdits } from './model';
import './chips.css';

/** Chips shown before "+N more". */
const FOLDED = 6;

/** Props of the chips row. */
export interface ContextChipsProps {
  used: string[];
  /** Tables the SQL itself uses (shown first, accented). */
  sqlTables: string[];
  /** The connection's default schema (left off the labels). */
  defaultSchema: string;
  edits: ChipEdits;
  /** Every table of the schema (the picker's choices). */
  allTables: string[];
  examples?: number | undefined;
  onAdd(table: string): void;
  onRemove(table: string): void;
}

/** The chips row with its picker. */
export function ContextChips(props: ContextChipsProps): ReactNode {
  const [picking, setPicking] = useState(false);
  const [filter, setFilter] = useState('');
  const [unfolded, setUnfolded] = useState(false);
  const shown = orderChips(visibleChips(props.used, props.edits), props.sqlTables);
  const choices = picking ? pickerTables(props.allTables, shown, filter, 30) : [];
  const pinned = new Set(props.edits.include);
  const label = (t: string): string => shortTableName(t, props.defaultSchema);
  const sqlNames = new Set(props.sqlTables.map((u) => shortTableName(u, props.defaultSchema).toLowerCase()));
  const inSql = new Set(shown.filter((t) => sqlNames.has(label(t).toLowerCase())));
  const visible = unfolded ? shown : shown.slice(0, FOLDED);
  return (
    <div className="ai-chips" data-testid="ai-chips">
      <span className="ai-chips-label">Context</span>
      {visible.map((t) => (
        <span
          key={t}
          className={`ai-chip${pinned.has(t) ? ' is-pinned' : ''}${inSql.has(t) ? ' is-used' : ''}`}
          title={`${t}: ${pinned.has(t) ? 'added by you' : inSql.has(t) ? 'used by the SQL' : 'in the context sent to the model'}`}
        >
          {label(t)}
          <button type="button" className="ai-chip-x" aria-label={`Remove ${label(t)} from the context`} onClick={() => props.onRemove(t)}>
            <CloseIcon size={9} />
          </button>
        </span>
      ))}
      {shown.length > FOLDED && (
        <button type="button" className="ai-link" onClick={() => setUnfolded((u) => !u)}>
          {unfolded ? 'fewer' : `+${shown.length - FOLDED} more`}
        </button>
      )}
      {props.edits.exclude.map((t) => (
        <span key={`x-${t}`} className="ai-chip is-removed" title="Removed: the next ask leaves it out">
          {label(t)}
        </span>
      ))}
      {props.examples ? <span className="ai-chips-label">+ {props.examples} example{props.examples === 1 ? '' : 's'}</span> : null}
      <span className="ai-picker-anchor">
        <button type="button" className="ai-chip ai-chip-add" aria-label="Add a table to the context" aria-expanded={picking} onClick={() => setPicking((p) => !p)}>
          <PlusIcon size={10} /> table
        </button>
        {picking && (
          <div className="ai-picker" role="dialog" aria-label="Add a table">
            <input
              className="ai-picker-input"
              autoFocus
              placeholder="Filter tables…"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setPicking(false);
                if (e.key === 'Enter' && choices[0]) {
                  props.onAdd(choices[0]);
                  setPicking(false);
                  setFilter('');
                }
              }}
            />
            <ul className="ai-picker-list" role="listbox">
              {choices.length === 0 && <li className="ai-picker-empty">No other tables</li>}
              {choices.map((t) => (
                <li key={t}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={false}
                    onClick={() => {
                      props.onAdd(t);
                      setPicking(false);
                      setFilter('');
                    }}
                  >
                    {label(t)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </span>
    </div>
  );
}
