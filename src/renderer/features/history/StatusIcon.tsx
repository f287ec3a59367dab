/** The status mark of a history entry: a check, a cross or a stop square. */
import type { ReactNode } from 'react';
import type { HistoryStatus } from '../../../shared/history';

const LABELS: Record<HistoryStatus, string> = {
  ok: 'Succeeded',
  error: 'Failed',
  cancelled: 'Cancelled',
};

/** A 14px status icon with an accessible label. */
export function StatusIcon(props: { status: HistoryStatus }): ReactNode {
  const paths: Record<HistoryStatus, ReactNode> = {
    ok: <path d="M4.5 8.3l2.3 2.3 4.7-5" />,
    error: <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" />,
    cancelled: <rect x="5.5" y="5.5" width="5" height="5" rx="0.8" />,
  };
  return (
    <span
      className={`status-icon is-${props.status}`}
      role="img"
      aria-label={LABELS[props.status]}
      title={LABELS[props.status]}
    >
      <svg
        width={14}
        height={14}
        viewBox="0 0 16 16"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <circle cx="8" cy="8" r="6.5" strokeWidth={1.2} />
        {paths[props.status]}
      </svg>
    </span>
  );
}
