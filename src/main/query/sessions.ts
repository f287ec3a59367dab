/**
 * Open driver connections per connection profile. One session per profile for now (the IDE
 * issue adds one per editor tab). A session runs one script at a time.
 */
import type { ConnectionParams } from '../../shared/connection';
import { AppError } from '../../shared/errors';
import type { ConnectionProfile, ConnectionStore } from '../connections/store';
import { openConnection } from '../connections/openConnection';
import type { TunnelEnvironment } from '../connections/ssh/tunnel';
import type { DriverConnection } from '../drivers/types';
import type { SecretStore } from '../secrets/secretStore';

/** An open session on a profile. */
export interface Session {
  profile: ConnectionProfile;
  conn: DriverConnection;
  busy: boolean;
}

/** Opens, caches and closes sessions. */
export class SessionManager {
  private readonly sessions = new Map<string, Promise<Session>>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly secrets: SecretStore,
    private readonly tunnelEnv: TunnelEnvironment,
    private readonly onDrop: (connectionId: string, reason: string) => void = () => undefined,
  ) {}

  /** The params of a profile with its secrets from the SecretStore (in memory only). */
  async paramsFor(profile: ConnectionProfile): Promise<ConnectionParams> {
    const params: ConnectionParams = { ...profile.params };
    const password = await this.secrets.get(profile.id, 'db-password');
    if (password !== undefined) params.password = password;
    if (params.ssh) {
      const sshPassword = await this.secrets.get(profile.id, 'ssh-password');
      const passphrase = await this.secrets.get(profile.id, 'ssh-passphrase');
      params.ssh = { ...params.ssh, ...(sshPassword !== undefined ? { password: sshPassword } : {}), ...(passphrase !== undefined ? { passphrase } : {}) };
    }
    return params;
  }

  /** The session of a profile, opening it on first use. */
  session(connectionId: string): Promise<Session> {
    let s = this.sessions.get(connectionId);
    if (!s) {
      s = this.open(connectionId);
      this.sessions.set(connectionId, s);
      s.catch(() => this.sessions.delete(connectionId));
    }
    return s;
  }

  /** Opens a fresh, unshared connection (Test connection, background introspection). */
  async openUnshared(connectionId: string): Promise<{ profile: ConnectionProfile; conn: DriverConnection }> {
    const profile = this.store.get(connectionId);
    const conn = await openConnection(await this.paramsFor(profile), this.tunnelEnv, (reason) => {
      // The session is gone with its tunnel: the next run opens a new one.
      this.sessions.delete(connectionId);
      this.onDrop(connectionId, reason);
    });
    return { profile, conn };
  }

  /** Forgets a session whose connection was lost, so the next use reconnects. */
  async evict(connectionId: string): Promise<void> {
    const pending = this.sessions.get(connectionId);
    this.sessions.delete(connectionId);
    const s = await pending?.catch(() => null);
    await s?.conn.close().catch(() => undefined);
  }

  /** Marks a session busy for the duration of `fn`; a second concurrent run is refused. */
  async exclusive<T>(connectionId: string, fn: (s: Session) => Promise<T>): Promise<T> {
    const s = await this.session(connectionId);
    if (s.busy) {
      throw new AppError('BAD_REQUEST', `A query is already running on "${s.profile.name}". Wait for it or cancel it first.`);
    }
    s.busy = true;
    try {
      return await fn(s);
    } finally {
      s.busy = false;
    }
  }

  /**
   * Closes one session. With an open transaction it does nothing and reports it, so the UI can
   * warn; `force` rolls the transaction back by closing the connection.
   */
  async close(connectionId: string, force: boolean): Promise<{ closed: boolean; openTransaction: boolean }> {
    const pending = this.sessions.get(connectionId);
    if (!pending) return { closed: false, openTransaction: false };
    const s = await pending.catch(() => null);
    if (!s) return { closed: false, openTransaction: false };
    const openTransaction = s.conn.inTransaction();
    if (openTransaction && !force) return { closed: false, openTransaction };
    this.sessions.delete(connectionId);
    await s.conn.close().catch(() => undefined);
    return { closed: true, openTransaction };
  }

  /** Closes every session. */
  async closeAll(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => null))?.conn.close().catch(() => undefined)));
  }

  private async open(connectionId: string): Promise<Session> {
    const { profile, conn } = await this.openUnshared(connectionId);
    return { profile, conn, busy: false };
  }
}
