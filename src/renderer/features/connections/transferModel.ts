/** Pure text of the import/export dialogs. */

/** Why a passphrase cannot be used, or null ('' means "no passwords in the file"). */
export function passphraseError(passphrase: string): string | null {
  if (passphrase === '' || passphrase.length >= 8) return null;
  return 'Use at least 8 characters, or leave it empty to export without passwords.';
}

/** "Exported 3 connections to /path (passwords included, encrypted)." */
export function exportSummary(r: { path: string; count: number; withSecrets: boolean }): string {
  const what = `${r.count} connection${r.count === 1 ? '' : 's'}`;
  const secrets = r.withSecrets ? 'passwords included, encrypted' : 'without passwords';
  return `Exported ${what} to ${r.path} (${secrets}).`;
}

/** "Imported: a, b (with passwords)." */
export function importSummary(r: { imported: string[]; secretsImported: boolean }): string {
  if (r.imported.length === 0) return 'The file holds no connections.';
  return `Imported: ${r.imported.join(', ')}${r.secretsImported ? ' (with passwords)' : ''}.`;
}
