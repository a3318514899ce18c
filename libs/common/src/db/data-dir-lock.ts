import { rmSync } from 'node:fs';
import path from 'node:path';
import { createExclusively, removeStale } from './data-dir-lock-file.js';
import { bootTicksOf, type DataDirLockOwner, isAlive, readOwner } from './data-dir-lock-owner.js';

export type { DataDirLockOwner } from './data-dir-lock-owner.js';

/**
 * PGlite has no server to arbitrate between processes: two processes opening one data directory each
 * write their own copy of it, and one's writes are silently lost (issue 15: `npm run admin:create`
 * beside `npm start`). So one process owns a data directory, recorded in `<dir>.lock` beside it with
 * its pid; a lock whose process is gone (killed, crashed) is taken over.
 */

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirLockOwner,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.since}). ` +
        'Only one process can use it at a time: stop that one first, or set another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

export const lockFileOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

/** Takes the lock of `dataDir` for this process, or throws DataDirLockedError naming its living owner. */
export function acquireDataDirLock(dataDir: string, command = describeProcess()): DataDirLock {
  const file = lockFileOf(dataDir);
  const me: DataDirLockOwner = {
    pid: process.pid,
    command,
    since: new Date().toISOString(),
    bootTicks: bootTicksOf(process.pid),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusively(file, `${JSON.stringify(me)}\n`)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        // Only our own lock: never remove one that a successor took over meanwhile.
        if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
      };
      // A process that exits without closing its database (process.exit) still lets go of the directory.
      process.on('exit', release);
      return { file, release };
    }
    const owner = readOwner(file);
    if (owner && isAlive(owner)) throw new DataDirLockedError(path.resolve(dataDir), owner);
    removeStale(file, owner);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing hands`);
}

/** Who holds the lock of `dataDir`, if a living process does. */
export function dataDirLockOwner(dataDir: string): DataDirLockOwner | undefined {
  const owner = readOwner(lockFileOf(dataDir));
  return owner && isAlive(owner) ? owner : undefined;
}

function describeProcess() {
  const script = process.argv[1] ? path.basename(process.argv[1]) : 'node';
  return script === 'embedded.js' ? 'npm start' : script.replace(/\.js$/, '');
}
