// Keeps a set of processes running the way an orchestrator would: a process that dies (crash, OOM,
// kill -9) is started again after a growing back-off, and the others carry on. It gives up, stopping
// everything, only when one keeps dying without ever staying up.
import { type ChildProcess, spawn } from 'node:child_process';

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface SupervisorOptions {
  /** Back-off before the first restart; doubles with each restart that follows a short run. */
  restartBaseMs?: number;
  restartMaxMs?: number;
  /** A process that stayed up this long is healthy again: its next crash starts the back-off afresh. */
  stableMs?: number;
  /** Restarts in a row (each after a short run) before giving up on the whole set. */
  maxRestarts?: number;
  /** Grace between SIGTERM and SIGKILL when stopping. */
  stopGraceMs?: number;
  /** Where lines go: the process's own, prefixed with its name, and the supervisor's. */
  write?: (line: string) => void;
}

interface Supervised {
  spec: ProcessSpec;
  child?: ChildProcess;
  startedAt: number;
  /** Restarts since it last stayed up for `stableMs`. */
  restarts: number;
  timer?: NodeJS.Timeout;
}

export class Supervisor {
  private readonly supervised: Supervised[] = [];
  private stopping?: Promise<number>;
  private resolveDone!: (code: number) => void;
  /** Resolves with the exit code the supervisor's own process should end with. */
  readonly done = new Promise<number>((resolve) => {
    this.resolveDone = resolve;
  });
  private readonly options: Required<SupervisorOptions>;

  constructor(options: SupervisorOptions = {}) {
    this.options = {
      restartBaseMs: 500,
      restartMaxMs: 30_000,
      stableMs: 30_000,
      maxRestarts: 8,
      stopGraceMs: 15_000,
      write: (line) => process.stdout.write(`${line}\n`),
      ...options,
    };
  }

  add(spec: ProcessSpec) {
    const entry: Supervised = { spec, startedAt: 0, restarts: 0 };
    this.supervised.push(entry);
    this.launch(entry);
  }

  /** Stops every process (SIGTERM, then SIGKILL after the grace); `code` is what `done` resolves to. */
  stop(code = 0): Promise<number> {
    this.stopping ??= this.stopAll(code);
    return this.stopping;
  }

  private log(name: string, line: string) {
    this.options.write(`${name.padEnd(12)}| ${line}`);
  }

  private launch(entry: Supervised) {
    const { spec } = entry;
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    entry.child = child;
    entry.startedAt = Date.now();
    this.log(spec.name, `started (pid ${child.pid})`);
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString()).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) this.log(spec.name, line);
      });
    }
    child.on('error', (error) => this.log(spec.name, `could not start: ${error.message}`));
    child.on('exit', (code, signal) => this.exited(entry, child, code, signal));
  }

  private exited(entry: Supervised, child: ChildProcess, code: number | null, signal: string | null) {
    if (entry.child !== child) return;
    entry.child = undefined;
    const how = signal ?? `code ${code}`;
    if (this.stopping) {
      this.log(entry.spec.name, `stopped (${how})`);
      return;
    }
    const { restartBaseMs, restartMaxMs, stableMs, maxRestarts } = this.options;
    // A long, healthy run forgives earlier crashes: this one starts the back-off over.
    if (Date.now() - entry.startedAt >= stableMs) entry.restarts = 0;
    if (entry.restarts >= maxRestarts) {
      this.log(
        entry.spec.name,
        `exited (${how}); giving up after ${entry.restarts} restarts in a row, stopping everything`,
      );
      void this.stop(1);
      return;
    }
    const delay = Math.min(restartMaxMs, restartBaseMs * 2 ** entry.restarts);
    entry.restarts += 1;
    this.log(entry.spec.name, `exited (${how}); restart ${entry.restarts} in ${delay} ms`);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (!this.stopping) this.launch(entry);
    }, delay);
  }

  private async stopAll(code: number): Promise<number> {
    for (const entry of this.supervised) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    const running = this.supervised.flatMap((entry) => (entry.child ? [entry.child] : []));
    const exits = running.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) resolve();
          else child.once('exit', () => resolve());
        }),
    );
    for (const child of running) child.kill('SIGTERM');
    const deadline = setTimeout(() => {
      for (const entry of this.supervised) {
        if (!entry.child) continue;
        this.log(entry.spec.name, `did not stop within ${this.options.stopGraceMs} ms; killing it`);
        entry.child.kill('SIGKILL');
      }
    }, this.options.stopGraceMs);
    await Promise.all(exits);
    clearTimeout(deadline);
    this.resolveDone(code);
    return code;
  }
}
