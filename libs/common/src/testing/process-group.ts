import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

// A command run in its own process group — `npm run stack` (npm, the supervisor, a process per service),
// `npm start`, a script — as the e2e tests, the benchmarks and the chaos run start them.

export interface ProcessGroup {
  child: ChildProcess;
  /** What the group wrote to stdout and stderr (the last `keepChars` characters). */
  output(): string;
  /**
   * SIGTERM to the whole group (npm does not forward it), SIGKILL after `graceMs`; resolves with the
   * leader's exit code once the rest of the group has finished its clean shutdown too (or the grace ran out).
   */
  stop(graceMs?: number): Promise<number | null>;
}

export function launchGroup(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; keepChars?: number },
): ProcessGroup {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const keepChars = options.keepChars ?? 4_000_000;
  let output = '';
  const keep = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    // Trimmed by half at a time, so that a chatty group does not copy its output on every chunk.
    if (output.length > keepChars) output = output.slice(-Math.floor(keepChars / 2));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    output: () => output,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      const deadline = Date.now() + graceMs;
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
      }, graceMs);
      const [code] = (await exited) as [number | null];
      // npm itself dies of the signal; wait for the rest of the group to finish its clean shutdown.
      while (groupAlive(child.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      clearTimeout(timer);
      return code;
    },
  };
}

/** Polls a URL until it answers 2xx; returns the milliseconds it took. Fails early when `watched` exited. */
export async function waitForHttp(url: string, timeoutMs: number, watched?: ProcessGroup): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (watched && watched.child.exitCode !== null) {
      throw new Error(
        `process exited (${watched.child.exitCode}) before ${url} answered:\n${watched.output().slice(-3000)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return Date.now() - started;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs} ms${watched ? `:\n${watched.output().slice(-3000)}` : ''}`,
  );
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
