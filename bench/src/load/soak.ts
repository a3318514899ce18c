// The soak: the mix at a moderate concurrency for many minutes while, every `sampleSeconds`, each
// process's resident memory and event-loop lag (from its /metrics: prom-client's default
// process_resident_memory_bytes and nodejs_eventloop_lag_*) and the bus's queue depths (the monitor's
// GET /api/monitor/bus: every service queue's waiting messages and dead letters, in RabbitMQ on the
// stack, in the durable in-process bus embedded) are sampled. On the stack, memory comes from /proc,
// summed over a service's processes; the gateway's lag is whichever worker answered its /metrics. The trends are least-squares slopes.
import { readFileSync } from 'node:fs';
import { jsonClient } from '@sproul/common/testing';
import type { DataSet } from './data-set.js';
import { metricValue } from './metrics-text.js';
import type { createPairs } from './mix.js';
import type { LoadPlatform } from './platform.js';
import { StepRecorder, type StepSummary } from './recorder.js';
import { runStep } from './run-step.js';
import { type Sample, type Trend, trend } from './slope.js';

export interface SoakResult {
  connections: number;
  minutes: number;
  sampleSeconds: number;
  warmupMinutes: number;
  load: StepSummary;
  /** Series name → its samples (t in seconds since the soak began). */
  series: Record<string, Sample[]>;
  trends: Record<string, Trend & { unit: string }>;
}

/** How much drift each kind of series may show over the soak and still be flat (see trend()). */
const TOLERANCES = {
  rss: { unit: 'MB', relative: 0.1, absolute: 8 },
  heap: { unit: 'MB', relative: 0.1, absolute: 8 },
  lag: { unit: 'ms', relative: 0.5, absolute: 5 },
  queue: { unit: 'messages', relative: 0, absolute: 10 },
  throughput: { unit: 'req/s', relative: 0.2, absolute: 0, worse: 'down' },
} as const;

const kindOf = (series: string): keyof typeof TOLERANCES =>
  series.endsWith('rss')
    ? 'rss'
    : series.endsWith('heap')
      ? 'heap'
      : series.includes('lag')
        ? 'lag'
        : series.startsWith('queue')
          ? 'queue'
          : 'throughput';

export async function soak(
  platform: LoadPlatform,
  data: DataSet,
  options: {
    connections: number;
    minutes: number;
    sampleSeconds: number;
    /** Left out of the fitted trends (still sampled and kept in the series). */
    warmupMinutes: number;
    seed: number;
    pairs: ReturnType<typeof createPairs>;
  },
  log: (line: string) => void,
): Promise<SoakResult> {
  const api = jsonClient(platform.url, { stringsAs: 'json' });
  const login = await api('/api/monitor/login', {
    body: platform.admin,
    headers: { 'x-forwarded-for': '10.0.0.1' },
  });
  if (login.status !== 200) throw new Error(`admin sign-in for the queue depths: ${login.status}`);
  const adminToken = login.body.access as string;
  const series: Record<string, Sample[]> = {};
  const add = (name: string, t: number, value: number | undefined) => {
    if (value === undefined || !Number.isFinite(value)) return;
    series[name] ??= [];
    series[name].push({ t, value });
  };

  const recorder = new StepRecorder();
  const began = performance.now();
  let lastAnswered = 0;
  let lastAt = began;
  const sample = async () => {
    const now = performance.now();
    const t = (now - began) / 1000;
    add('throughput', t, (recorder.answered - lastAnswered) / ((now - lastAt) / 1000));
    lastAnswered = recorder.answered;
    lastAt = now;
    await Promise.all(
      platform.processes.map(async ({ name, metricsUrl, pid, rss: rssFromProc }) => {
        const text = await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) })
          .then((answer) => answer.text())
          .catch(() => '');
        const rss = rssFromProc?.() ?? metricValue(text, 'process_resident_memory_bytes') ?? rssOf(pid);
        add(`${name} rss`, t, rss === undefined ? undefined : rss / 2 ** 20);
        // The JS heap in use (one gateway worker's): beside RSS, it tells a leak of objects from memory
        // the allocator keeps (RSS growing, heap flat).
        const heap = metricValue(text, 'nodejs_heap_size_used_bytes');
        add(`${name} heap`, t, heap === undefined ? undefined : heap / 2 ** 20);
        const lag = metricValue(text, 'nodejs_eventloop_lag_p99_seconds');
        add(`${name} lag p99`, t, lag === undefined ? undefined : lag * 1000);
        const mean = metricValue(text, 'nodejs_eventloop_lag_mean_seconds');
        add(`${name} lag mean`, t, mean === undefined ? undefined : mean * 1000);
      }),
    );
    const bus = await api('/api/monitor/bus', { token: adminToken }).catch(() => undefined);
    if (bus?.status === 200) {
      const queues = bus.body.queues as { queue: string; waiting: number; dead: number }[];
      add(
        'queue waiting',
        t,
        queues.reduce((sum, q) => sum + q.waiting, 0),
      );
      add(
        'queue dead',
        t,
        queues.reduce((sum, q) => sum + q.dead, 0),
      );
    }
  };

  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(sample).catch((error) => log(`sample failed: ${(error as Error).message}`));
  }, options.sampleSeconds * 1000);
  const progress = setInterval(() => {
    const minutes = ((performance.now() - began) / 60_000).toFixed(0);
    log(`soak: ${minutes} of ${options.minutes} minutes, ${recorder.answered} answers`);
  }, 5 * 60_000);
  let load: StepSummary;
  try {
    load = await runStep(
      platform.url,
      data,
      {
        connections: options.connections,
        seconds: Math.round(options.minutes * 60),
        seed: options.seed,
        pairs: options.pairs,
      },
      recorder,
    );
  } finally {
    clearInterval(timer);
    clearInterval(progress);
    await sampling;
  }
  // Fitted after the warm-up: the heap and the allocator grow to their working size in the first
  // minutes (JIT code, pools, caches), and a line through that step would read as a leak.
  const warmupSeconds = options.warmupMinutes * 60;
  const trends: SoakResult['trends'] = {};
  for (const [name, samples] of Object.entries(series)) {
    const tolerance = TOLERANCES[kindOf(name)];
    const steady = samples.filter((sample) => sample.t >= warmupSeconds);
    trends[name] = { ...trend(steady, tolerance), unit: tolerance.unit };
  }
  const { pairs: _pairs, ...settings } = options;
  return { ...settings, load, series, trends };
}

/** Resident memory from /proc (bytes), for a process whose /metrics did not answer. */
function rssOf(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}
