/** Tree icons of the explorer (inline SVG: the CSP allows only our own files). */
import type { ReactNode } from 'react';

type P = { size?: number };

function Svg(props: P & { children: ReactNode; className?: string }): ReactNode {
  const s = props.size ?? 14;
  return (
    <svg
      width={s}
      height={s}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={props.className}
    >
      {props.children}
    </svg>
  );
}

/** A disclosure chevron; rotated by CSS when expanded. */
export function ChevronIcon(p: P): ReactNode {
  return (
    <Svg {...p} className="tree-chevron">
      <path d="M6 4l4 4-4 4" />
    </Svg>
  );
}
/** A table grid. */
export function TableIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <rect x="2" y="3" width="12" height="10" rx="1.5" />
      <path d="M2 6.5h12M6 6.5V13" />
    </Svg>
  );
}
/** A view (an eye over a grid). */
export function ViewIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <path d="M1.5 8s2.4-4 6.5-4 6.5 4 6.5 4-2.4 4-6.5 4-6.5-4-6.5-4z" />
      <circle cx="8" cy="8" r="1.8" />
    </Svg>
  );
}
/** A materialized view (a stacked grid). */
export function MatViewIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <rect x="2" y="4.5" width="10" height="8.5" rx="1.5" />
      <path d="M4.5 2.5H14V11M2 8h10" />
    </Svg>
  );
}
/** A routine (f(x)). */
export function RoutineIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <path d="M7.5 2.5c-1.5 0-2 .8-2.2 2.2L4.2 12c-.2 1.2-.8 1.7-2 1.7M3.5 6.5h4.5M9.5 7l4 5M13.5 7l-4 5" />
    </Svg>
  );
}
/** A folder of items (a group or a schema). */
export function GroupIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <path d="M2 4.5A1.5 1.5 0 0 1 3.5 3h3l1.5 1.5h4.5A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z" />
    </Svg>
  );
}
/** A schema (stacked layers). */
export function SchemaIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <path d="M8 2l6 3-6 3-6-3zM2 8l6 3 6-3M2 11l6 3 6-3" />
    </Svg>
  );
}
/** A column. */
export function ColumnIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <rect x="5" y="2" width="6" height="12" rx="1.2" />
      <path d="M5 6h6M5 10h6" />
    </Svg>
  );
}
/** A primary key. */
export function PkIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <circle cx="5.5" cy="10.5" r="2.5" />
      <path d="M7.3 8.7L13 3M11 5l1.5 1.5" />
    </Svg>
  );
}
/** A foreign key (an arrow out of the table). */
export function FkIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <path d="M3 8h8M8.5 5l3 3-3 3M13.5 3.5v9" />
    </Svg>
  );
}
/** Refresh arrows. */
export function RefreshIcon(p: P): ReactNode {
  return (
    <Svg {...p}>
      <path d="M13 5.5A5.5 5.5 0 0 0 3 6M3 10.5a5.5 5.5 0 0 0 10-.5M13 2.5v3h-3M3 13.5v-3h3" />
    </Svg>
  );
}
