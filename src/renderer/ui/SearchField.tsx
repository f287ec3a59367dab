/** A search box with its magnifier icon, as the sidebars and the docs tree use it. */
import type { ReactElement } from 'react';
import { SearchIcon } from './icons';

/** A labelled `type=search` input; `label` is its accessible name. */
export function SearchField(props: { label: string; placeholder: string; value: string; onChange: (value: string) => void; className?: string }): ReactElement {
  return (
    <label className={props.className ?? 'sidebar-search'}>
      <SearchIcon size={13} />
      <input type="search" placeholder={props.placeholder} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.label} />
    </label>
  );
}
