import { readdirSync, readFileSync } from 'node:fs';

/**
 * The resident memory (bytes) of every process in process group `pgid` whose command line holds
 * `script`, summed: a service's process, or the gateway's primary and its workers (which share one
 * /metrics port, so its own gauge would be one worker's or another's from sample to sample). Read from
 * /proc, as `ps` does; undefined when no such process is found (not Linux, or the service is down).
 */
export function groupRss(pgid: number, script: string): number | undefined {
  let total = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 5 of stat is the process group; the command (field 2) may hold spaces, so count after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(script)) continue;
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
      if (kb) {
        total += Number(kb) * 1024;
        found = true;
      }
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found ? total : undefined;
}
