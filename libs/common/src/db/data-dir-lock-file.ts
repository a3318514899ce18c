import { closeSync, linkSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { type DataDirLockOwner, isAlive, readOwner } from './data-dir-lock-owner.js';

// Written in full under a temporary name, then linked into place: link fails if the lock exists, so
// taking it is atomic and no reader ever sees a half-written lock.
export function createExclusively(file: string, content: string): boolean {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * Moves the stale lock aside, then checks that what was moved is the stale lock it read: if another
 * process took it over in between, its fresh lock is put back.
 */
export function removeStale(file: string, stale: DataDirLockOwner | undefined) {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  if (moved && stale && (moved.pid !== stale.pid || moved.since !== stale.since) && isAlive(moved)) {
    try {
      linkSync(aside, file);
    } catch {}
  }
  rmSync(aside, { force: true });
}
