/**
 * The one way the app opens a database connection: through an SSH tunnel when the params ask
 * for one (the tunnel opens and closes with the connection), directly otherwise.
 */
import type { ConnectionParams } from '../../shared/connection';
import { DEFAULT_PORTS } from '../../shared/connection';
import { logger } from '../app/logger';
import { getDriver } from '../drivers/registry';
import type { DriverConnection } from '../drivers/types';
import { openTunnel, type TunnelEnvironment } from './ssh/tunnel';

/** Opens a connection (tunnelled when `params.ssh` is set). */
export async function openConnection(params: ConnectionParams, env: TunnelEnvironment, onDrop?: (reason: string) => void): Promise<DriverConnection> {
  const driver = await getDriver(params.engine);
  if (!params.ssh || params.engine === 'sqlite') return driver.connect(params);
  const { ssh, ...rest } = params;
  const tunnel = await openTunnel(ssh, params.host ?? '127.0.0.1', params.port ?? DEFAULT_PORTS[params.engine] ?? 0, env, (reason) => {
    logger.warn(reason);
    onDrop?.(reason);
  });
  let conn: DriverConnection;
  try {
    conn = await driver.connect({ ...rest, host: '127.0.0.1', port: tunnel.localPort });
  } catch (err) {
    await tunnel.close();
    throw err;
  }
  const close = conn.close.bind(conn);
  conn.close = async () => {
    try {
      await close();
    } finally {
      await tunnel.close();
    }
  };
  return conn;
}
