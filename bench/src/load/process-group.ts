import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

/** A command in its own process group (the stack's supervisor and its services), its output kept. */
export function startGroup(command: string, args: string[], cwd: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // The last 20 KB are enough to explain a failure.
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return {
    child,
    output: () => output,
    /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the leader exited. */
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
      }, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `url` until it answers 2xx, failing early when `group` exited. */
export async function waitForOk(url: string, timeoutMs: number, group: ReturnType<typeof startGroup>) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (group.child.exitCode !== null) {
      throw new Error(
        `exited (${group.child.exitCode}) before ${url} answered:\n${group.output().slice(-3000)}`,
      );
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${group.output().slice(-3000)}`);
}
