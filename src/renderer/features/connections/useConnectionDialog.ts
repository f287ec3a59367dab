/** State and actions of the connection dialog: load, edit, paste a URL, save, test, copy. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConnectionSummary } from '../../../shared/contract';
import { stringify } from '../../../shared/codec';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import {
  applyUrl,
  emptyForm,
  formFromDetail,
  formUrl,
  isValid,
  toSaveArgs,
  validateForm,
  type ConnectionForm,
  type FormErrors,
} from './formModel';
import { testFailureText, testSuccessText } from './dialogText';

/** The inline alert under the form. */
export type DialogNotice = { tone: 'ok' | 'error' | 'info'; text: string; testId?: string } | null;

/** Everything the dialog component renders from. */
export interface ConnectionDialogState {
  form: ConnectionForm | null;
  loadError: string | null;
  errors: FormErrors;
  urlError: string | null;
  notice: DialogNotice;
  busy: 'save' | 'test' | null;
  copied: boolean;
  /** The form differs from what is saved (or was never saved). */
  dirty: boolean;
  update(patch: Partial<ConnectionForm>): void;
  replace(form: ConnectionForm): void;
  pasteUrl(url: string): boolean;
  save(): Promise<void>;
  saveAndTest(): Promise<void>;
  copyUrl(): void;
}

/** Drives one open dialog; `connectionId` absent means a new profile. */
export function useConnectionDialog(opts: {
  connectionId: string | undefined;
  onSaved(summary: ConnectionSummary, closeDialog: boolean): void;
}): ConnectionDialogState {
  const api = useApi();
  const [form, setForm] = useState<ConnectionForm | null>(opts.connectionId ? null : emptyForm());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [notice, setNotice] = useState<DialogNotice>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [copied, setCopied] = useState(false);
  const [savedText, setSavedText] = useState<string | null>(null);
  const copiedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { onSaved } = opts;

  useEffect(() => {
    if (!opts.connectionId) return;
    let live = true;
    api.call('connections.get', { connectionId: opts.connectionId }).then(
      (d) => {
        if (!live) return;
        const loaded = formFromDetail(d);
        setForm(loaded);
        setSavedText(stringify(toSaveArgs(loaded)));
      },
      (err: unknown) => live && setLoadError(toAppError(err).message),
    );
    return () => {
      live = false;
    };
  }, [api, opts.connectionId]);

  useEffect(() => () => clearTimeout(copiedTimer.current), []);

  const update = useCallback((patch: Partial<ConnectionForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setNotice(null);
  }, []);

  const pasteUrl = (url: string): boolean => {
    if (!form || !url.trim()) return false;
    const r = applyUrl(form, url);
    if (!r.ok) {
      setUrlError(r.error);
      return false;
    }
    setUrlError(null);
    setForm(r.form);
    setNotice({ tone: 'info', text: 'Filled in from the URL. Check the fields, then save.' });
    return true;
  };

  // Saves the form; returns the saved summary, or null when invalid or refused.
  const persist = async (): Promise<ConnectionSummary | null> => {
    if (!form) return null;
    if (!isValid(validateForm(form))) {
      setShowErrors(true);
      return null;
    }
    try {
      const args = toSaveArgs(form);
      const summary = await api.call('connections.save', args);
      const saved: ConnectionForm = {
        ...form,
        id: summary.id,
        hasSecret: summary.hasSecret,
        password: '',
        forgetPassword: false,
      };
      setForm(saved);
      setSavedText(stringify(toSaveArgs(saved)));
      return summary;
    } catch (err) {
      setNotice({ tone: 'error', text: testFailureText(err), testId: 'save-error' });
      return null;
    }
  };

  const save = async (): Promise<void> => {
    setBusy('save');
    const summary = await persist();
    setBusy(null);
    if (summary) onSaved(summary, true);
  };

  const saveAndTest = async (): Promise<void> => {
    if (!form) return;
    setBusy('test');
    setNotice(null);
    const clean = form.id && savedText === stringify(toSaveArgs(form));
    const summary = clean ? null : await persist();
    const id = clean ? form.id : summary?.id;
    if (summary) onSaved(summary, false);
    if (!id) {
      setBusy(null);
      return;
    }
    try {
      const r = await api.call('connections.test', { connectionId: id });
      setNotice({ tone: 'ok', text: testSuccessText(r), testId: 'test-result' });
    } catch (err) {
      setNotice({ tone: 'error', text: testFailureText(err), testId: 'test-result' });
    }
    setBusy(null);
  };

  const copyUrl = (): void => {
    if (!form) return;
    const url = formUrl(form);
    navigator.clipboard.writeText(url).then(
      () => {
        setCopied(true);
        clearTimeout(copiedTimer.current);
        copiedTimer.current = setTimeout(() => setCopied(false), 2000);
      },
      // No clipboard access (e.g. a denied permission): show the URL to copy by hand.
      () => setNotice({ tone: 'info', text: url }),
    );
  };

  return {
    form,
    loadError,
    errors: showErrors && form ? validateForm(form) : {},
    urlError,
    notice,
    busy,
    copied,
    dirty: !form?.id || (form !== null && savedText !== stringify(toSaveArgs(form))),
    update,
    replace: setForm,
    pasteUrl,
    save,
    saveAndTest,
    copyUrl,
  };
}
