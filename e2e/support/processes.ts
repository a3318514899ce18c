import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Ports below the ephemeral range for processes a test starts (libs/common/src/testing/free-ports.ts).
export { freePort, freePortRange } from '@sproul/common/testing';

export interface Spawned {
  child: ChildProcess;
  output(): string;
  /** SIGTERM to the process group (npm does not forward it), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<number | null>;
}

/** Starts a command in its own process group, collecting its output. */
export function launch(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Spawned {
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
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

/** Polls a URL until it answers 200; returns the milliseconds it took. */
export async function waitForHttp(url: string, timeoutMs: number, watched?: Spawned): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (watched && watched.child.exitCode !== null) {
      throw new Error(
        `process exited (${watched.child.exitCode}) before ${url} answered:\n${watched.output().slice(-3000)}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
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
