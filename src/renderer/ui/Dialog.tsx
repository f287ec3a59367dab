/** A modal dialog on the native <dialog> element (focus trap, Escape and backdrop for free). */
import { useEffect, useRef, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import './dialog.css';

/** Props of a modal: a title, the body, an optional footer of buttons. */
export interface DialogProps {
  title: ReactNode;
  onClose(): void;
  children?: ReactNode;
  footer?: ReactNode;
  /** Width class: small confirmations or the wide connection form. */
  size?: 'small' | 'medium' | 'large';
  /** A tone for the top edge (e.g. danger for prod confirmations). */
  tone?: 'danger';
  testId?: string;
}

/** A modal shown while mounted; Escape and the close button call `onClose`. */
export function Dialog(props: DialogProps): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${props.size ?? 'medium'}${props.tone ? ` dialog-${props.tone}` : ''}`}
      data-testid={props.testId}
      onCancel={(e) => {
        // Escape: let React decide whether the dialog goes away.
        e.preventDefault();
        props.onClose();
      }}
    >
      <header className="dialog-header">
        <h2 className="dialog-title">{props.title}</h2>
        <button type="button" className="dialog-close" aria-label="Close" onClick={props.onClose}>
          <CloseIcon size={14} />
        </button>
      </header>
      <div className="dialog-body">{props.children}</div>
      {props.footer && <footer className="dialog-footer">{props.footer}</footer>}
    </dialog>
  );
}
