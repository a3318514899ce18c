import { readFileSync } from 'node:fs';

/** The process holding a data directory's lock, as recorded in the lock file. */
export interface DataDirLockOwner {
  pid: number;
  /** What holds it, for the refusal message (`npm start`, `admin:create`…). */
  command: string;
  since: string;
  /** The process's start time in clock ticks since boot (Linux), so a reused pid is not mistaken for the owner. */
  bootTicks?: string;
}

export function readOwner(file: string): DataDirLockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as DataDirLockOwner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

export function isAlive(owner: DataDirLockOwner): boolean {
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
export function bootTicksOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
