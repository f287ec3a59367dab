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
import { hostKeyPromptFrom, sshAfterSave, type HostKeyPrompt } from './sshModel';

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
  /** A test failed on the SSH host key: ask to trust it, or say it was refused. */
  hostKey: HostKeyPrompt | null;
  /** The form differs from what is saved (or was never saved). */
  dirty: boolean;
  update(patch: Partial<ConnectionForm>): void;
  replace(form: ConnectionForm): void;
  pasteUrl(url: string): boolean;
  save(): Promise<void>;
  saveAndTest(): Promise<void>;
  /** Saves the prompted fingerprint as trusted, then tests again. */
  trustHostKey(): Promise<void>;
  dismissHostKey(): void;
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
  const [hostKey, setHostKey] = useState<HostKeyPrompt | null>(null);
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
    setHostKey(null);
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

  // Saves `target`; returns the saved summary, or null when invalid or refused.
  const persist = async (target: ConnectionForm): Promise<ConnectionSummary | null> => {
    if (!isValid(validateForm(target))) {
      setShowErrors(true);
      return null;
    }
    try {
      const args = toSaveArgs(target);
      const summary = await api.call('connections.save', args);
      const saved: ConnectionForm = {
        ...target,
        id: summary.id,
        hasSecret: summary.hasSecret,
        password: '',
        forgetPassword: false,
        ssh: sshAfterSave(target.ssh, args),
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
    if (!form) return;
    setBusy('save');
    const summary = await persist(form);
    setBusy(null);
    if (summary) onSaved(summary, true);
  };

  // Saves `target` when it differs from what is saved, then opens a test connection.
  const testWith = async (target: ConnectionForm): Promise<void> => {
    setBusy('test');
    setNotice(null);
    setHostKey(null);
    const clean = target.id && savedText === stringify(toSaveArgs(target));
    const summary = clean ? null : await persist(target);
    const id = clean ? target.id : summary?.id;
    if (summary) onSaved(summary, false);
    if (!id) {
      setBusy(null);
      return;
    }
    try {
      const r = await api.call('connections.test', { connectionId: id });
      setNotice({ tone: 'ok', text: testSuccessText(r), testId: 'test-result' });
    } catch (err) {
      const prompt = hostKeyPromptFrom(err);
      if (prompt) setHostKey(prompt);
      else setNotice({ tone: 'error', text: testFailureText(err), testId: 'test-result' });
    }
    setBusy(null);
  };

  const saveAndTest = async (): Promise<void> => {
    if (form) await testWith(form);
  };

  const trustHostKey = async (): Promise<void> => {
    if (!form || hostKey?.kind !== 'unknown') return;
    await testWith({ ...form, ssh: { ...form.ssh, trustedHostKey: hostKey.fingerprint } });
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
    hostKey,
    dirty: !form?.id || (form !== null && savedText !== stringify(toSaveArgs(form))),
    update,
    replace: setForm,
    pasteUrl,
    save,
    saveAndTest,
    trustHostKey,
    dismissHostKey: () => setHostKey(null),
    copyUrl,
  };
}
