/** Small inline SVG icons (no icon font: the CSP allows only our own files). */
import type { ReactNode, SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ size = 16, children, ...rest }: IconProps & { children: ReactNode }): ReactNode {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...rest}
    >
      {children}
    </svg>
  );
}

/** A database cylinder. */
export function DatabaseIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <ellipse cx="8" cy="3.5" rx="5" ry="2" />
      <path d="M3 3.5v9c0 1.1 2.2 2 5 2s5-.9 5-2v-9" />
      <path d="M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" />
    </Svg>
  );
}

/** A padlock (read-only connection). */
export function LockIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <rect x="3.5" y="7" width="9" height="6.5" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </Svg>
  );
}

/** A play triangle (run). */
export function PlayIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <path d="M5 3.5v9l7-4.5z" fill="currentColor" />
    </Svg>
  );
}

/** A square (stop). */
export function StopIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <rect x="4" y="4" width="8" height="8" rx="1" fill="currentColor" />
    </Svg>
  );
}

/** A cross (close). */
export function CloseIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
    </Svg>
  );
}

/** A plus. */
export function PlusIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <path d="M8 3.5v9M3.5 8h9" />
    </Svg>
  );
}

/** A magnifier (search). */
export function SearchIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <circle cx="7" cy="7" r="4" />
      <path d="M10 10l3 3" />
    </Svg>
  );
}

/** A warning triangle. */
export function WarningIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <path d="M8 2.5l6 10.5H2z" />
      <path d="M8 7v2.5M8 11.3v.2" />
    </Svg>
  );
}

/** A folder. */
export function FolderIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <path d="M2 4.5A1.5 1.5 0 0 1 3.5 3h2.8l1.4 1.5h4.8A1.5 1.5 0 0 1 14 6v5.5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 11.5z" />
    </Svg>
  );
}

/** The QueryGenie mark: a query bubble with a spark. */
export function LogoMark(p: IconProps): ReactNode {
  return (
    <svg width={p.size ?? 18} height={p.size ?? 18} viewBox="0 0 24 24" aria-hidden="true">
      <defs>
        <linearGradient id="qg-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#7c5cff" />
          <stop offset="1" stopColor="#2f8cff" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="22" height="22" rx="6" fill="url(#qg-logo)" />
      <circle cx="11" cy="11" r="5" fill="none" stroke="#fff" strokeWidth="2.2" />
      <path d="M14.5 14.5L18 18" stroke="#fff" strokeWidth="2.2" strokeLinecap="round" />
      <path d="M18 3.8l.7 1.5 1.5.7-1.5.7-.7 1.5-.7-1.5-1.5-.7 1.5-.7z" fill="#fff" />
    </svg>
  );
}

/** Three dots (more actions). */
export function MoreIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <circle cx="3.5" cy="8" r=".9" fill="currentColor" />
      <circle cx="8" cy="8" r=".9" fill="currentColor" />
      <circle cx="12.5" cy="8" r=".9" fill="currentColor" />
    </Svg>
  );
}

/** A key (where secrets are kept). */
export function KeyIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <circle cx="5.5" cy="10.5" r="2.5" />
      <path d="M7.3 8.7L13 3M11 5l1.5 1.5M9.5 6.5L11 8" />
    </Svg>
  );
}

/** A check mark. */
export function CheckIcon(p: IconProps): ReactNode {
  return (
    <Svg {...p}>
      <path d="M3.5 8.5l3 3 6-7" />
    </Svg>
  );
}

/** A thumb (feedback on an AI answer); `down` flips it. */
export function ThumbIcon({ down, ...p }: IconProps & { down?: boolean }): ReactNode {
  return (
    <Svg size={13} strokeWidth={1.4} style={down ? { transform: 'scaleY(-1)' } : undefined} {...p}>
      <path d="M2 7h2.5v7H2z" />
      <path d="M4.5 7.5 7.5 2c1.2 0 1.9.8 1.6 2L8.6 6.5h4c.9 0 1.5.8 1.3 1.7l-1.1 4.6c-.2.7-.8 1.2-1.5 1.2H4.5" />
    </Svg>
  );
}
