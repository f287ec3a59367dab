/** Export profiles to a file (passwords only when encrypted with a passphrase) and import them. */
import { useState, type ReactNode } from 'react';
import { toAppError } from '../../../shared/errors';
import { useApi } from '../../api/hooks';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { exportSummary, importSummary, passphraseError } from './transferModel';

type Outcome = { ok: boolean; text: string } | null;

function Result({ outcome }: { outcome: Outcome }): ReactNode {
  if (!outcome) return null;
  return (
    <div
      className={`alert ${outcome.ok ? 'alert-ok' : 'alert-error'}`}
      role={outcome.ok ? 'status' : 'alert'}
      data-testid="transfer-result"
    >
      {outcome.text}
    </div>
  );
}

/** Writes every profile to a file in the exports folder and shows where. */
export function ExportDialog({ onClose }: { onClose(): void }): ReactNode {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const problem = passphraseError(passphrase);
  const run = () => {
    setBusy(true);
    api
      .call('connections.export', passphrase ? { passphrase } : {})
      .then(
        (r) => setOutcome({ ok: true, text: exportSummary(r) }),
        (err: unknown) => {
          const e = toAppError(err);
          setOutcome({ ok: false, text: `${e.code}: ${e.message}` });
        },
      )
      .finally(() => setBusy(false));
  };
  return (
    <Dialog
      title="Export connections"
      size="small"
      onClose={onClose}
      testId="export-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose}>
            {outcome?.ok ? 'Done' : 'Cancel'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || problem !== null}
            onClick={run}
          >
            Export
          </button>
        </>
      }
    >
      <p>Profiles are written without passwords unless you give a passphrase.</p>
      <Field
        label="Passphrase (optional)"
        error={problem ?? undefined}
        hint="To include passwords, encrypted with this passphrase (at least 8 characters)."
      >
        {(id) => (
          <input
            id={id}
            type="password"
            className="input"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <Result outcome={outcome} />
    </Dialog>
  );
}

/** Reads an export file chosen by the user and imports its profiles. */
export function ImportDialog(props: { onClose(): void; onImported(): void }): ReactNode {
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const content = await readText(file);
      const r = await api.call(
        'connections.import',
        passphrase ? { content, passphrase } : { content },
      );
      setOutcome({ ok: true, text: importSummary(r) });
      props.onImported();
    } catch (err) {
      const e = toAppError(err);
      setOutcome({ ok: false, text: `${e.code}: ${e.message}` });
    }
    setBusy(false);
  };
  return (
    <Dialog
      title="Import connections"
      size="small"
      onClose={props.onClose}
      testId="import-dialog"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={props.onClose}>
            {outcome?.ok ? 'Done' : 'Cancel'}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !file}
            onClick={() => void run()}
          >
            Import
          </button>
        </>
      }
    >
      <Field label="Export file">
        {(id) => (
          <input
            id={id}
            type="file"
            accept=".json,application/json"
            className="input input-file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
        )}
      </Field>
      <Field label="Passphrase" hint="Only for a file exported with passwords.">
        {(id) => (
          <input
            id={id}
            type="password"
            className="input"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </Field>
      <Result outcome={outcome} />
    </Dialog>
  );
}

function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.readAsText(file);
  });
}
