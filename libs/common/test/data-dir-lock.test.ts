import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  dataDirLockOwner,
  lockFileOf,
} from '../src/db/data-dir-lock.js';
import { EmbeddedPostgres } from '../src/db/pglite.js';

// Two processes writing one PGlite directory lose each other's writes: one owns it at a time.
describe('embedded data directory ownership', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'sproul-lock-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses a second opener while the first holds the directory, and lets it in once closed', {
    timeout: 120_000,
  }, async () => {
    const dir = path.join(root, 'twice');
    const first = await EmbeddedPostgres.open(dir);
    try {
      const refused = await EmbeddedPostgres.open(dir).catch((error) => error);
      expect(refused).toBeInstanceOf(DataDirLockedError);
      expect(refused.message).toContain(`in use by process ${process.pid}`);
      expect(dataDirLockOwner(dir)?.pid).toBe(process.pid);
    } finally {
      await first.close();
    }
    expect(existsSync(lockFileOf(dir))).toBe(false);
    const again = await EmbeddedPostgres.open(dir);
    await again.close();
  });

  it('refuses while another living process holds it', async () => {
    const dir = path.join(root, 'other');
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(
        lockFileOf(dir),
        JSON.stringify({ pid: holder.pid, command: 'npm start', since: '2026-01-01T00:00:00.000Z' }),
      );
      await expect(EmbeddedPostgres.open(dir)).rejects.toThrow(
        `in use by process ${holder.pid} (npm start, since 2026-01-01T00:00:00.000Z)`,
      );
      expect(readFileSync(lockFileOf(dir), 'utf8')).toContain(`"pid":${holder.pid}`);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over the lock of a killed process, and of a reused pid', async () => {
    const dir = path.join(root, 'stale');
    const dead = spawnSync('true').pid;
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: dead, command: 'npm start', since: 'earlier' }));
    const taken = acquireDataDirLock(dir);
    expect(dataDirLockOwner(dir)?.pid).toBe(process.pid);
    taken.release();

    // A living pid that started at another time than the lock's owner is not its owner.
    writeFileSync(
      lockFileOf(dir),
      JSON.stringify({ pid: process.pid, command: 'npm start', since: 'earlier', bootTicks: '1' }),
    );
    acquireDataDirLock(dir).release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });
});
