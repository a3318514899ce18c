import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no server to arbitrate between processes: two processes opening one data directory each
 * write their own copy of it, and one's writes are silently lost (issue 15: `npm run admin:create`
 * beside `npm start`). So one process owns a data directory, recorded in `<dir>.lock` beside it with
 * its pid; a lock whose process is gone (killed, crashed) is taken over.
 */
export interface DataDirLockOwner {
  pid: number;
  /** What holds it, for the refusal message (`npm start`, `admin:create`…). */
  command: string;
  since: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not mistaken for the owner. */
  bootTicks?: string;
}

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

// Written in full under a temporary name, then linked into place: link fails if the lock exists, so
// taking it is atomic and no reader ever sees a half-written lock.
function createExclusively(file: string, content: string): boolean {
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

function readOwner(file: string): DataDirLockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as DataDirLockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Moves the stale lock aside, then checks that what was moved is the stale lock it read: if another
 * process took it over in between, its fresh lock is put back.
 */
function removeStale(file: string, stale: DataDirLockOwner | undefined) {
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

function isAlive(owner: DataDirLockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const ticks = bootTicksOf(owner.pid);
  return !owner.bootTicks || !ticks || ticks === owner.bootTicks;
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name); undefined off Linux. */
function bootTicksOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function describeProcess() {
  const script = process.argv[1] ? path.basename(process.argv[1]) : 'node';
  return script === 'embedded.js' ? 'npm start' : script.replace(/\.js$/, '');
}
