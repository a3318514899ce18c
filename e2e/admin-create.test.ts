import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, infraAvailable } from '@sproul/common/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/processes.js';

const run = promisify(execFile);
const script = path.join(repoRoot, 'scripts/dist/admin-create.js');

describe('npm run admin:create', async () => {
  const available = await infraAvailable('postgres');

  it.skipIf(!available)(
    'creates a confirmed admin in auth’s database, then resets its password on a second run',
    async () => {
      const db = await createTestDatabase('admin');
      try {
        const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' };
        const first = await run(
          process.execPath,
          [script, '--email', 'Dean@Campus.edu', '--password', 'Dean-pass-2026!'],
          { env },
        );
        expect(first.stdout).toContain('created');
        const second = await run(process.execPath, [script, '--email', 'dean@campus.edu'], { env });
        expect(second.stdout).toMatch(/updated; password: \S+/);

        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        const { rows } = await client.query(
          'select email, role, confirmed, password_hash from auth.accounts',
        );
        await client.end();
        expect(rows).toEqual([
          {
            email: 'dean@campus.edu',
            role: 'admin',
            confirmed: true,
            password_hash: expect.stringMatching(/^\$argon2id\$/),
          },
        ]);
        await expect(
          run(process.execPath, [script, '--email', 'not-an-email'], { env }),
        ).rejects.toMatchObject({ code: 2 });
      } finally {
        await db.drop();
      }
    },
  );
});
