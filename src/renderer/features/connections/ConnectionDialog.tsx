/** Create / edit a connection profile: engine, target, login, SSL, look, safety; test and save. */
import { useState, type ReactNode } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { CheckIcon, KeyIcon, WarningIcon } from '../../ui/icons';
import { EngineIcon } from './EngineBadge';
import { changeEngine, ENGINE_CHOICES } from './formModel';
import { HostKeyPanel } from './HostKeyPanel';
import { ColorPicker, ProfileFields } from './ProfileFields';
import { ServerFields } from './ServerFields';
import { SshFields } from './SshFields';
import { TextField } from './TextField';
import { useConnectionDialog, type DialogNotice } from './useConnectionDialog';
import './dialog.css';

/** Props: which profile (absent: a new one), where secrets live, and what to do after. */
export interface ConnectionDialogProps {
  connectionId?: string | undefined;
  secretBackend: string | undefined;
  onClose(): void;
  /** A profile was saved; `closeDialog` is false after "Save & test". */
  onSaved(summary: ConnectionSummary, closeDialog: boolean): void;
  onDelete(summary: { id: string; name: string }): void;
}

/** The connection dialog. */
export function ConnectionDialog(props: ConnectionDialogProps): ReactNode {
  const s = useConnectionDialog({ connectionId: props.connectionId, onSaved: props.onSaved });
  const [urlText, setUrlText] = useState('');
  const { form } = s;
  const title = form?.id ? `Edit ${form.name || 'connection'}` : 'New connection';

  const tryUrl = (text: string) => {
    if (s.pasteUrl(text)) setUrlText('');
  };

  const footer = form && (
    <>
      {form.id && (
        <button
          type="button"
          className="btn btn-ghost-danger"
          onClick={() => props.onDelete({ id: form.id!, name: form.name })}
        >
          Delete
        </button>
      )}
      <button type="button" className="btn" onClick={s.copyUrl}>
        {s.copied ? (
          <>
            <CheckIcon size={12} /> Copied
          </>
        ) : (
          'Copy as URL'
        )}
      </button>
      <span className="spacer" />
      <button type="button" className="btn" onClick={props.onClose}>
        Cancel
      </button>
      <button
        type="button"
        className="btn"
        disabled={s.busy !== null}
        onClick={() => void s.saveAndTest()}
      >
        {s.busy === 'test' && <span className="spinner" />}
        {s.dirty ? 'Save & test' : 'Test connection'}
      </button>
      <button
        type="button"
        className="btn btn-primary"
        disabled={s.busy !== null}
        onClick={() => void s.save()}
      >
        Save
      </button>
    </>
  );

  return (
    <Dialog
      title={title}
      onClose={props.onClose}
      size="large"
      footer={footer}
      testId="connection-dialog"
    >
      {!form && !s.loadError && <p className="field-hint">Loading…</p>}
      {s.loadError && <Notice notice={{ tone: 'error', text: s.loadError }} />}
      {form && (
        <form
          className="conn-form"
          onSubmit={(e) => {
            e.preventDefault();
            void s.save();
          }}
        >
          <div className="form-row-name">
            <TextField
              label="Name"
              error={s.errors.name}
              value={form.name}
              placeholder="e.g. Orders (staging)"
              autoFocus={!form.id}
              onChange={(name) => s.update({ name })}
            />
            <ColorPicker form={form} update={s.update} />
          </div>
          <div className="field">
            <span className="field-label" id="engine-label">
              Engine
            </span>
            <div className="engine-picker" role="radiogroup" aria-labelledby="engine-label">
              {ENGINE_CHOICES.map(({ engine, label }) => (
                <button
                  key={engine}
                  type="button"
                  role="radio"
                  aria-checked={form.engine === engine}
                  className={`engine-choice${form.engine === engine ? ' is-on' : ''}`}
                  onClick={() => s.replace(changeEngine(form, engine))}
                >
                  <EngineIcon engine={engine} />
                  {label}
                </button>
              ))}
            </div>
          </div>
          <Field
            label="Paste URL"
            error={s.urlError ?? undefined}
            hint="Paste a connection URL to fill in every field (e.g. postgres://user:pass@host:5432/db)."
          >
            {(id) => (
              <input
                id={id}
                className={`input input-mono${s.urlError ? ' is-invalid' : ''}`}
                value={urlText}
                placeholder="postgres://user:password@host:5432/database"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setUrlText(e.target.value)}
                onPaste={(e) => {
                  const text = e.clipboardData.getData('text');
                  if (!text) return;
                  e.preventDefault();
                  setUrlText(text);
                  tryUrl(text);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    tryUrl(urlText);
                  }
                }}
                onBlur={() => urlText.trim() && tryUrl(urlText)}
              />
            )}
          </Field>
          <ServerFields
            form={form}
            errors={s.errors}
            update={s.update}
            secretBackend={props.secretBackend}
          />
          {form.engine !== 'sqlite' && (
            <SshFields
              form={form}
              errors={s.errors}
              update={s.update}
              secretBackend={props.secretBackend}
            />
          )}
          <ProfileFields form={form} errors={s.errors} update={s.update} />
          <Notice notice={s.notice} />
          <HostKeyPanel
            prompt={s.hostKey}
            busy={s.busy !== null}
            onTrust={() => void s.trustHostKey()}
            onCancel={s.dismissHostKey}
          />
          <p className="secret-note">
            <KeyIcon size={12} /> Passwords are kept in: {props.secretBackend ?? 'OS keychain'}. The
            app itself only learns whether one is saved.
          </p>
          {/* Enter in a field submits the form (saves). */}
          <button type="submit" hidden />
        </form>
      )}
    </Dialog>
  );
}

function Notice({ notice }: { notice: DialogNotice }): ReactNode {
  if (!notice) return null;
  return (
    <div
      className={`alert alert-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid={notice.testId}
    >
      {notice.tone === 'ok' ? (
        <CheckIcon size={14} />
      ) : notice.tone === 'error' ? (
        <WarningIcon size={14} />
      ) : null}
      <span>{notice.text}</span>
    </div>
  );
}
