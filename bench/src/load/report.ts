// reports/load.md from the run's figures (reports/load.json holds them all).
import { fmt } from '../stats.js';
import type { Knee } from './knee.js';
import { classShares, ROUTES } from './mix.js';
import type { StepSummary } from './recorder.js';
import type { SoakResult } from './soak.js';

export interface ModeResult {
  mode: 'stack' | 'embedded';
  seed: { clubs: number; officers: number; students: number; events: number; seconds: number };
  steps: StepSummary[];
  knee: Knee;
  soak?: SoakResult;
}

export interface LoadReport {
  startedAt: string;
  finishedAt?: string;
  machine: { cpus: number; memoryGb: number; loadavgStart: number[]; loadavgEnd?: number[] };
  options: Record<string, unknown>;
  modes: ModeResult[];
}

const ms = (value: number) => (Number.isFinite(value) ? fmt(value, value < 10 ? 1 : 0) : '–');
const avg = (values: number[] | undefined) => (values ? values.map((v) => v.toFixed(2)).join(' / ') : '–');

export function renderReport(report: LoadReport): string {
  const lines: string[] = [];
  const shares = classShares();
  lines.push(
    '# Load (`npm run bench:load`)',
    '',
    `Run ${report.startedAt} → ${report.finishedAt ?? '(unfinished)'}; ${report.machine.cpus} cores, ${fmt(report.machine.memoryGb, 1)} GB.`,
    `Machine load average (1 / 5 / 15 min) at start ${avg(report.machine.loadavgStart)}, at end ${avg(report.machine.loadavgEnd)}: the machine was shared with other work (other engineers' test suites) while measuring, and the load generator (autocannon, one thread) runs on the same 2 cores as the platform, so absolute figures are lower bounds.`,
    '',
    `Options: \`${JSON.stringify(report.options)}\`.`,
    '',
    `Mix (seeded weighted pick per request): browse ${shares.browse} %, club pages ${shares.club} %, signed-in reads ${shares['signed-in']} %, writes ${shares.write} % — ${Object.entries(
      ROUTES,
    )
      .map(([route, { weight }]) => `${route} ${weight}`)
      .join(', ')}.`,
    '',
    'Errors: every answer other than 2xx/3xx (304 included in success), and transport errors (time-outs after 10 s, resets).',
    "Knee: the first step from which the next one grows throughput < 10 % while the overall p99 grows ≥ 2×, and no later step gets ≥ 10 % more throughput than it (a dip the ramp climbs out of is noise on a shared machine, not a knee); that step's concurrency is the knee (the last one that bought throughput). The soak runs at the largest step below the knee (half the largest step when there is none) unless --soak-connections says otherwise.",
    '',
  );
  for (const mode of report.modes) {
    lines.push(
      `## ${mode.mode === 'stack' ? 'Stack (`npm run stack`: a process per service, PostgreSQL, RabbitMQ, Redis)' : 'Embedded (`npm start`: one process, PGlite, in-process bus)'}`,
      '',
      `Data set: ${fmt(mode.seed.clubs)} clubs, ${mode.seed.officers} officers (signed in, ${mode.seed.events} events), ${mode.seed.students} students (signed in); seeded in ${fmt(mode.seed.seconds)} s.`,
      '',
      '| connections | req/s | p50 ms | p99 ms | browse p50/p99 | club p50/p99 | signed-in p50/p99 | write p50/p99 | errors |',
      '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const step of mode.steps) {
      const cls = (name: string) => {
        const c = step.byClass[name];
        return c ? `${ms(c.p50)} / ${ms(c.p99)}` : '–';
      };
      lines.push(
        `| ${step.connections} | ${fmt(step.throughput)} | ${ms(step.overall.p50)} | ${ms(step.overall.p99)} | ${cls('browse')} | ${cls('club')} | ${cls('signed-in')} | ${cls('write')} | ${step.errorCount} |`,
      );
    }
    lines.push('', `Knee: ${mode.knee.connections ?? 'none within the ramp'} (${mode.knee.reason}).`, '');
    const shown = mode.steps.find((step) => step.connections === mode.knee.connections) ?? mode.steps.at(-1);
    if (shown) {
      lines.push(
        `Per route at ${shown.connections} connections:`,
        '',
        '| route | answers | p50 ms | p99 ms | errors |',
        '|---|---:|---:|---:|---:|',
        ...Object.entries(shown.byRoute)
          .sort(([a], [b]) => Object.keys(ROUTES).indexOf(a) - Object.keys(ROUTES).indexOf(b))
          .map(([route, r]) => `| ${route} | ${r.count} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} |`),
        '',
      );
    }
    const errors = mode.steps.flatMap((step) =>
      Object.entries(step.errors).map(([what, n]) => `${step.connections} connections: ${what} × ${n}`),
    );
    lines.push(errors.length ? `Errors listed: ${errors.join('; ')}.` : 'Errors: none in any step.', '');
    for (const step of mode.steps) {
      if (step.errorSamples.length)
        lines.push(
          `Examples at ${step.connections}: ${step.errorSamples.map((s) => `\`${s}\``).join(', ')}`,
          '',
        );
    }
    if (mode.soak) {
      const soak = mode.soak;
      lines.push(
        `### Soak: ${soak.minutes} minutes at ${soak.connections} connections, sampled every ${soak.sampleSeconds} s`,
        '',
        `${fmt(soak.load.throughput)} req/s, p50 ${ms(soak.load.overall.p50)} ms, p99 ${ms(soak.load.overall.p99)} ms, ${soak.load.errorCount} errors${
          soak.load.errorCount
            ? ` (${Object.entries(soak.load.errors)
                .map(([what, n]) => `${what} × ${n}`)
                .join('; ')})`
            : ''
        }.`,
        '',
        "Memory: /proc's VmRSS summed over each service's processes on the stack (gateway = its primary and workers; runs before this rule read process_resident_memory_bytes from /metrics, one gateway worker or the other), the process's own gauge embedded. Lag: prom-client's nodejs_eventloop_lag_p99_seconds and _mean_seconds from each /metrics (the gateway's from whichever worker answered). Heap: prom-client's nodejs_heap_size_used_bytes (the JS objects alive; the gateway's one worker's), beside RSS to tell a leak of objects from memory the allocator keeps. Queues: GET /api/monitor/bus, waiting and dead-lettered messages summed over every service queue.",
        '',
        `Slopes are least-squares fits over the samples after the first ${fmt(soak.warmupMinutes ?? 0, 0)} minutes (warm-up: heaps and pools growing to their working size); flat = the fitted drift over the rest of the soak is within the tolerance (RSS and heap: 10 % of the mean or 8 MB; lag: 50 % or 5 ms; queues: 10 messages; throughput: not falling by more than 20 %).`,
        '',
        '| series | samples | mean | slope per hour | drift over the soak | flat |',
        '|---|---:|---:|---:|---:|---|',
        ...Object.entries(soak.trends).map(
          ([name, t]) =>
            `| ${name} | ${t.samples} | ${fmt(t.mean, 1)} ${t.unit} | ${t.perHour >= 0 ? '+' : ''}${fmt(t.perHour, 2)} ${t.unit}/h | ${fmt(t.drift, 2)} ${t.unit} | ${t.flat ? 'yes' : '**no**'} |`,
        ),
        '',
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
