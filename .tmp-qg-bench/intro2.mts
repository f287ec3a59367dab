import mysql from 'mysql2/promise';
import { startMariadb } from '../tests/harness/startMariadb';
import * as sql from '../src/main/drivers/mysql/catalog';

const N = 2000;
const my = await startMariadb();
try {
  const m = await mysql.createConnection({ uri: my.url, multipleStatements: true });
  await m.query('CREATE DATABASE big; USE big');
  const stmts = Array.from({ length: N }, (_, i) => `CREATE TABLE t${i} (id int PRIMARY KEY, parent_id int${i > 0 ? `, FOREIGN KEY (parent_id) REFERENCES t${i - 1}(id)` : ''}, ${Array.from({ length: 8 }, (_, c) => `c${c} ${c % 2 ? 'varchar(50)' : 'int'}`).join(', ')})`);
  for (let i = 0; i < N; i += 200) await m.query(stmts.slice(i, i + 200).join(';'));
  for (let r = 0; r < 2; r++) {
    for (const [name, q] of Object.entries({ tables: sql.TABLES_SQL, cols: sql.COLUMNS_SQL, fks: sql.FOREIGN_KEYS_SQL, idx: sql.INDEXES_SQL, checks: sql.checksSql(true), routines: sql.ROUTINES_SQL,
      kcu: 'SELECT * FROM information_schema.KEY_COLUMN_USAGE k WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL',
      rc: 'SELECT * FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?' })) {
      const t = performance.now();
      const [rows] = await m.query(q, ['big']);
      console.log(r, name, Math.round(performance.now() - t), (rows as unknown[]).length);
    }
  }
  await m.end();
} finally {
  await my.stop();
}
