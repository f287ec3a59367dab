/** Side panel showing one cell in full: pretty-printed JSON, a hex dump for binary, or long text. */
import { useMemo, type ReactNode } from 'react';
import type { ColumnMeta } from '../../../shared/query';
import { formatBytes, type CellValue } from '../../../shared/values';
import { CloseIcon } from '../../ui/icons';
import { copyText } from './clipboard';
import { viewerText } from './model';

/** Props of the cell viewer. */
export interface CellViewerProps {
  column: ColumnMeta;
  /** 1-based row number as shown in the grid. */
  rowNumber: number;
  value: CellValue;
  onClose(): void;
}

/** The cell viewer panel. */
export function CellViewer({ column, rowNumber, value, onClose }: CellViewerProps): ReactNode {
  const { text, mode } = useMemo(() => viewerText(value), [value]);
  const size =
    value instanceof Uint8Array ? formatBytes(value.length) : value === null ? '' : `${text.length.toLocaleString('en-US')} chars`;
  return (
    <aside className="cell-viewer" aria-label="Cell viewer" data-testid="cell-viewer">
      <header className="cell-viewer-head">
        <div className="cell-viewer-title">
          <strong>{column.name}</strong>
          <span className="cell-viewer-meta">
            row {rowNumber.toLocaleString('en-US')} · {column.type || 'unknown type'}
            {mode !== 'text' && mode !== 'null' ? ` · ${mode.toUpperCase()}` : ''}
            {size ? ` · ${size}` : ''}
          </span>
        </div>
        <button type="button" className="btn btn-small" onClick={() => void copyText(text)} disabled={value === null}>
          Copy
        </button>
        <button type="button" className="rs-icon-btn" aria-label="Close cell viewer" onClick={onClose}>
          <CloseIcon size={12} />
        </button>
      </header>
      <pre className={`cell-viewer-body is-${mode}`} tabIndex={0}>
        {text}
      </pre>
    </aside>
  );
}
