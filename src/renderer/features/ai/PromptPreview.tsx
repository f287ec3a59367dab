/** The exact prompt an ask would send, shown before sending, with Send. */
import type { ReactNode } from 'react';
import { Dialog } from '../../ui/Dialog';
import type { PendingPreview } from './useAiPanel';

/** The preview dialog. */
export function PromptPreview(props: { preview: PendingPreview; onSend(): void; onClose(): void }): ReactNode {
  const { messages, error } = props.preview;
  return (
    <Dialog
      title="Prompt preview"
      size="large"
      testId="ai-prompt-preview"
      onClose={props.onClose}
      footer={
        <>
          <span className="ai-preview-hint">This is exactly what leaves the machine.</span>
          <button type="button" className="btn" onClick={props.onClose}>
            Cancel
          </button>
          <button type="button" className="btn btn-primary" onClick={props.onSend} disabled={!messages}>
            Send
          </button>
        </>
      }
    >
      {!messages && !error && <div className="ai-status is-muted">Building the prompt…</div>}
      {error && (
        <div className="ai-failed" role="alert">
          {error}
        </div>
      )}
      {messages?.map((m, i) => (
        <section key={i} className="ai-preview-msg">
          <div className="ai-preview-role">{m.role}</div>
          <pre className="ai-preview-text">{m.content}</pre>
        </section>
      ))}
    </Dialog>
  );
}
