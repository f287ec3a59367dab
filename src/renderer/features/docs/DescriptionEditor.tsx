/**
 * A Markdown description of a table or column: rendered (markdown-it, raw HTML off), and an
 * editor with a live preview that saves through `docs.describe.save` (blank text deletes it).
 */
import { useState, type ReactNode } from 'react';
import { renderMarkdown } from '../../../shared/docsMarkdown';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { isDirty } from './model';

/** Rendered Markdown (safe: markdown-it escapes raw HTML and refuses script URLs). */
export function Markdown(props: { text: string; className?: string }): ReactNode {
  return <div className={`docs-md ${props.className ?? ''}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(props.text) }} />;
}

/** Props: whose description, its saved text, and what to do after a save. */
export interface DescriptionEditorProps {
  connectionId: string;
  target: string;
  saved: string | undefined;
  /** Shown when there is no description (e.g. the database comment). */
  placeholder?: string;
  compact?: boolean;
  onSaved(): void;
}

/** Shows a description, or edits it. */
export function DescriptionEditor(props: DescriptionEditorProps): ReactNode {
  const api = useApi();
  const [draft, setDraft] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = `Description of ${props.target}`;

  if (draft === null) {
    return (
      <div className={`docs-desc${props.compact ? ' compact' : ''}`}>
        {props.saved?.trim() ? <Markdown text={props.saved} /> : <span className="docs-faint">{props.placeholder ?? 'No description yet.'}</span>}
        <button type="button" className="btn btn-small docs-edit" aria-label={`Edit ${label.toLowerCase()}`} onClick={() => setDraft(props.saved ?? '')}>
          {props.saved?.trim() ? 'Edit' : 'Describe'}
        </button>
      </div>
    );
  }

  const save = (): void => {
    setBusy(true);
    setError(null);
    api.call('docs.describe.save', { connectionId: props.connectionId, target: props.target, text: draft }).then(
      () => {
        setDraft(null);
        setPreview(false);
        props.onSaved();
      },
      (err: unknown) => setError(toAppError(err).message),
    ).finally(() => setBusy(false));
  };

  return (
    <div className="docs-editor" data-testid="docs-editor">
      <div className="docs-editor-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={!preview} className={!preview ? 'active' : ''} onClick={() => setPreview(false)}>Write</button>
        <button type="button" role="tab" aria-selected={preview} className={preview ? 'active' : ''} onClick={() => setPreview(true)}>Preview</button>
        <span className="docs-faint">Markdown</span>
      </div>
      {preview ? (
        <div className="docs-editor-preview">{draft.trim() ? <Markdown text={draft} /> : <span className="docs-faint">Nothing to preview.</span>}</div>
      ) : (
        <textarea
          aria-label={label}
          value={draft}
          rows={props.compact ? 3 : 5}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) save();
            if (e.key === 'Escape') setDraft(null);
          }}
        />
      )}
      {error && <p className="docs-error" role="alert">{error}</p>}
      <div className="docs-editor-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={busy || !isDirty(props.saved, draft)} onClick={save}>Save</button>
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => setDraft(null)}>Cancel</button>
        {props.saved?.trim() && <span className="docs-faint">Saving empty text removes the description.</span>}
      </div>
    </div>
  );
}
