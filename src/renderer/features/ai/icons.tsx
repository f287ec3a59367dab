/** The AI panel's own icons (thumbs), drawn like the shared ones in ui/icons. */
import type { ReactNode } from 'react';

/** A thumb; `down` flips it. */
export function ThumbIcon(props: { down?: boolean; size?: number }): ReactNode {
  const size = props.size ?? 13;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      style={props.down ? { transform: 'scaleY(-1)' } : undefined}
    >
      <path d="M2 7h2.5v7H2z" />
      <path d="M4.5 7.5 7.5 2c1.2 0 1.9.8 1.6 2L8.6 6.5h4c.9 0 1.5.8 1.3 1.7l-1.1 4.6c-.2.7-.8 1.2-1.5 1.2H4.5" />
    </svg>
  );
}
