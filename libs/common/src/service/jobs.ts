import type { Logger } from '../logging/logger.js';

/** Work a service repeats on a timer in every replica (a lock inside the job picks one per tick if needed). */
export interface JobDefinition<Ctx, Config = unknown> {
  name: string;
  /** Milliseconds between runs, from the service's config; 0 turns the job off. */
  every: (config: Config) => number;
  run: (ctx: Ctx, now: Date) => Promise<void>;
}

export interface RunningJobs {
  /** Runs a job once now and waits for it (tests drive jobs with this instead of waiting for ticks). */
  run(name: string): Promise<void>;
  /** Stops ticking and waits for runs in progress. */
  stop(): Promise<void>;
}

/**
 * Ticks each job at every multiple of its interval of the clock, so replicas tick together and a lock
 * in the job picks one; a failed run is logged and the next tick tries again.
 */
export function startJobs<Ctx, Config>(
  jobs: JobDefinition<Ctx, Config>[],
  options: { ctx: Ctx; config: Config; logger: Logger; clock: () => Date },
): RunningJobs {
  const { ctx, config, logger, clock } = options;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  const track = (run: Promise<void>) => {
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return run;
  };
  const tick = (job: JobDefinition<Ctx, Config>) =>
    track(job.run(ctx, clock())).catch((error) => logger.error({ err: error, job: job.name }, 'job failed'));
  const schedule = (job: JobDefinition<Ctx, Config>, intervalMs: number) => {
    if (stopped) return;
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        void tick(job).finally(() => schedule(job, intervalMs));
      },
      intervalMs - (Date.now() % intervalMs),
    );
    timer.unref();
    timers.add(timer);
  };
  for (const job of jobs) {
    const intervalMs = job.every(config);
    if (intervalMs > 0) schedule(job, intervalMs);
  }

  return {
    async run(name) {
      const job = jobs.find((candidate) => candidate.name === name);
      if (!job) throw new Error(`no job named ${name}`);
      await track(job.run(ctx, clock()));
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}
