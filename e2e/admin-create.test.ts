import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    { timeout: 60_000 },
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

  it('refuses, and reports no account, while another command holds the embedded data', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-admin-'));
    // A living process that is not `npm start` (say, `npm run seed`): it offers no way in.
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(
        path.join(dataDir, 'embedded.lock'),
        JSON.stringify({ pid: holder.pid, command: 'seed', since: new Date().toISOString() }),
      );
      const refused = await run(process.execPath, [script, '--email', 'dean@campus.edu'], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      }).catch((error) => error);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`is in use by process ${holder.pid} (seed`);
    } finally {
      holder.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
