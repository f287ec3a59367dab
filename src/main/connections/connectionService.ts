/**
 * Connection profiles with their secrets: save (password to the SecretStore only), duplicate,
 * delete, test, export/import. What leaves this service toward the renderer never holds a secret.
 */
import type { ConnectionDetail, ConnectionSummary, SaveConnectionArgs } from '../../shared/contract';
import { describeTarget, formatConnectionUrl, type ConnectionParams } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { SecretKind, SecretStore } from '../secrets/secretStore';
import { readProfileFile, writeProfileFile, type ExportedSecrets } from './profileFile';
import type { ConnectionProfile, ConnectionStore } from './store';

const SECRET_KINDS: SecretKind[] = ['db-password', 'ssh-password', 'ssh-passphrase'];

/** Manages profiles and their secrets. */
export class ConnectionService {
  constructor(
    private readonly store: ConnectionStore,
    private readonly secrets: SecretStore,
  ) {}

  /** Every profile as the renderer may see it. */
  async list(): Promise<ConnectionSummary[]> {
    return Promise.all(this.store.list().map((p) => this.summary(p)));
  }

  /** One profile with its (password-free) parameters. */
  async get(idOrName: string): Promise<ConnectionDetail> {
    const p = this.store.get(idOrName);
    const sshSecrets = { password: await this.secrets.has(p.id, 'ssh-password'), passphrase: await this.secrets.has(p.id, 'ssh-passphrase') };
    return { ...(await this.summary(p)), params: p.params, url: formatConnectionUrl(p.params), sshSecrets };
  }

  /** Creates or updates a profile. `password`: a string sets it, null deletes it, absent keeps it. */
  async save(args: SaveConnectionArgs): Promise<ConnectionSummary> {
    const params = { ...args.params, engine: args.engine } as ConnectionParams;
    delete params.password;
    const fields = { name: args.name.trim(), engine: args.engine, params, color: args.color ?? null, environment: args.environment ?? null, readOnly: args.readOnly ?? false };
    if (!fields.name) throw new AppError('BAD_REQUEST', 'Give the connection a name.');
    if (args.engine === 'sqlite' && !params.filePath) throw new AppError('BAD_REQUEST', 'Choose the SQLite database file.');
    if (args.engine !== 'sqlite' && !params.host) throw new AppError('BAD_REQUEST', 'Enter the server host (e.g. localhost).');
    const profile = args.id ? this.store.update(args.id, fields) : this.store.create(fields);
    await this.applySecret(profile.id, 'db-password', args.password);
    await this.applySecret(profile.id, 'ssh-password', args.sshPassword);
    await this.applySecret(profile.id, 'ssh-passphrase', args.sshPassphrase);
    return this.summary(profile);
  }

  /** A string sets the secret, null deletes it, undefined keeps it. */
  private async applySecret(id: string, kind: SecretKind, value: string | null | undefined): Promise<void> {
    if (typeof value === 'string') await this.secrets.set(id, kind, value);
    else if (value === null) await this.secrets.delete(id, kind);
  }

  /** Copies a profile (and its secrets) under a free name. */
  async duplicate(id: string): Promise<ConnectionSummary> {
    const src = this.store.get(id);
    const copy = this.store.create({ name: this.store.freeName(`${src.name} copy`), engine: src.engine, params: src.params, color: src.color, environment: src.environment, readOnly: src.readOnly });
    for (const kind of SECRET_KINDS) {
      const v = await this.secrets.get(src.id, kind);
      if (v !== undefined) await this.secrets.set(copy.id, kind, v);
    }
    return this.summary(copy);
  }

  /** Deletes a profile and its secrets. */
  async delete(id: string): Promise<boolean> {
    const p = this.store.get(id);
    for (const kind of SECRET_KINDS) await this.secrets.delete(p.id, kind);
    return this.store.remove(p.id);
  }

  /** The export file's text: no secrets unless a passphrase is given. */
  async exportProfiles(ids: string[] | undefined, passphrase: string | undefined): Promise<{ text: string; count: number }> {
    const all = this.store.list().filter((p) => !p.isDemo && (!ids || ids.includes(p.id)));
    const profiles = all.map((p) => ({ name: p.name, engine: p.engine, params: { ...p.params } as Record<string, unknown>, color: p.color, environment: p.environment, readOnly: p.readOnly }));
    let sealed: { passphrase: string; values: ExportedSecrets } | undefined;
    if (passphrase !== undefined) {
      const values: ExportedSecrets = {};
      for (const [i, p] of all.entries()) {
        for (const kind of SECRET_KINDS) {
          const v = await this.secrets.get(p.id, kind);
          if (v !== undefined) values[i] = { ...values[i], [kind]: v };
        }
      }
      sealed = { passphrase, values };
    }
    return { text: writeProfileFile(profiles, sealed), count: profiles.length };
  }

  /** Imports profiles from an export file's text; names that exist get a suffix. */
  async importProfiles(text: string, passphrase: string | undefined): Promise<{ imported: string[]; secretsImported: boolean }> {
    const { profiles, secrets } = readProfileFile(text, passphrase);
    const imported: string[] = [];
    for (const [i, p] of profiles.entries()) {
      const created = this.store.create({ name: this.store.freeName(p.name), engine: p.engine, params: { ...(p.params as Partial<ConnectionParams>), engine: p.engine }, color: p.color, environment: p.environment, readOnly: p.readOnly });
      for (const [kind, value] of Object.entries(secrets[i] ?? {})) await this.secrets.set(created.id, kind as SecretKind, value);
      imported.push(created.name);
    }
    return { imported, secretsImported: Object.keys(secrets).length > 0 };
  }

  private async summary(c: ConnectionProfile): Promise<ConnectionSummary> {
    return {
      id: c.id,
      name: c.name,
      engine: c.engine,
      target: describeTarget(c.params),
      readOnly: c.readOnly,
      color: c.color,
      environment: c.environment,
      hasSecret: await this.secrets.has(c.id, 'db-password'),
      isDemo: c.isDemo,
    };
  }
}
