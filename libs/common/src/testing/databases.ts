import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { infraUrls } from './infra.js';

/** A fresh PostgreSQL database for one test file; `drop` removes it. */
export async function createTestDatabase(prefix = 'test') {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
  await admin.connect();
  await admin.query(`create database ${pg.escapeIdentifier(name)}`);
  await admin.end();
  const url = `${infraUrls.postgres}/${name}`;
  return {
    name,
    url,
    async drop() {
      const client = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
      await client.connect();
      await client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
      await client.end();
    },
  };
}
