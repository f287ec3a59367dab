/** Finds a table of the diagram by name and asks the canvas to zoom to it (arrows + Enter). */
import { useMemo, useState, type ReactNode } from 'react';
import { searchTables, type SearchItem } from './model';

/** Props: the tables of the diagram and what to do with the one picked. */
export interface SearchBoxProps {
  items: readonly SearchItem[];
  onFind(id: string): void;
}

/** The search box with its result list. */
export function SearchBox(props: SearchBoxProps): ReactNode {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [cursor, setCursor] = useState(0);
  const hits = useMemo(() => searchTables(props.items, text), [props.items, text]);
  const pick = (item: SearchItem | undefined) => {
    if (!item) return;
    props.onFind(item.id);
    setOpen(false);
  };
  return (
    <div className="erd-search">
      <input
        type="search"
        placeholder="Find a table"
        aria-label="Find a table"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setCursor(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setCursor((c) => Math.min(hits.length - 1, c + 1));
          else if (e.key === 'ArrowUp') setCursor((c) => Math.max(0, c - 1));
          else if (e.key === 'Enter') pick(hits[cursor]);
          else if (e.key === 'Escape') setOpen(false);
          else return;
          e.preventDefault();
        }}
      />
      {open && hits.length > 0 && (
        <ul className="erd-search-results" role="listbox" aria-label="Matching tables">
          {hits.map((h, i) => (
            <li
              key={h.id}
              role="option"
              aria-selected={i === cursor}
              onMouseDown={(e) => (e.preventDefault(), pick(h))}
            >
              {h.id}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
