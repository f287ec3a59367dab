/** The MySQL / MariaDB driver (mysql2). */
import type { Driver } from '../types';
import { connectMysql } from './connection';
import { mysqlDialect } from './dialect';

/** MySQL and MariaDB: streamed rows with backpressure, KILL QUERY cancel, information_schema introspection. */
export const mysqlDriver: Driver = {
  dialect: mysqlDialect,
  connect: connectMysql,
};

export { mysqlDialect };
