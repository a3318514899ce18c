// `npm run bench:load [-- --mode stack|embedded|both --steps 1,4,16,64,128 --step-seconds 20
// --soak-minutes 30 --soak-warmup-minutes 5 --out reports/load]`: issue 24's realistic mix through the gateway (see load/mix.ts)
// at rising concurrency, on the stack (`npm run stack`: real PostgreSQL, RabbitMQ, Redis, its own
// databases and vhost) and on the embedded mode (`npm start`'s process): throughput, p50/p99 per route
// class and overall, errors, and the knee; then a soak below the knee sampling each process's memory,
// event-loop lag and the queue depths, reported as slopes. Writes <out>.md and <out>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startEmbeddedProcess } from './load/embedded-platform.js';
import { findKnee, soakConnections } from './load/knee.js';
import { createPairs } from './load/mix.js';
import type { LoadPlatform } from './load/platform.js';
import type { StepSummary } from './load/recorder.js';
import { type LoadReport, type ModeResult, renderReport } from './load/report.js';
import { runStep } from './load/run-step.js';
import { seedDataSet } from './load/seed.js';
import { soak } from './load/soak.js';
import { startStack } from './load/stack-platform.js';
import { fmt } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: 'both' },
    steps: { type: 'string', default: '1,4,16,64,128' },
    'step-seconds': { type: 'string', default: '20' },
    'soak-minutes': { type: 'string', default: '30' },
    // Which modes soak: the stack's (it has RabbitMQ's queues) unless told otherwise.
    'soak-mode': { type: 'string' },
    'soak-connections': { type: 'string' },
    'sample-seconds': { type: 'string', default: '10' },
    // The soak's first minutes, sampled but left out of the fitted slopes (memory growing to its working size).
    'soak-warmup-minutes': { type: 'string', default: '5' },
    clubs: { type: 'string', default: '1000' },
    officers: { type: 'string', default: '100' },
    students: { type: 'string', default: '300' },
    seed: { type: 'string', default: '24' },
    out: { type: 'string', default: 'reports/load' },
  },
});
const modes: string[] = values.mode === 'both' ? ['embedded', 'stack'] : [values.mode];
if (!modes.every((mode) => mode === 'stack' || mode === 'embedded')) {
  console.error('--mode must be stack, embedded or both');
  process.exit(2);
}
const soakModes =
  values['soak-mode'] === 'both'
    ? modes
    : values['soak-mode'] === 'none'
      ? []
      : [values['soak-mode'] ?? (modes.includes('stack') ? 'stack' : 'embedded')];
const steps = values.steps.split(',').map(Number);
const stepSeconds = Number(values['step-seconds']);
const soakMinutes = Number(values['soak-minutes']);
const seed = Number(values.seed);
const size = {
  clubs: Number(values.clubs),
  officers: Number(values.officers),
  students: Number(values.students),
  eventsPerOfficer: 2,
};
const out = path.resolve(root, values.out);
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

const report: LoadReport = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    memoryGb: os.totalmem() / 2 ** 30,
    loadavgStart: os.loadavg(),
  },
  options: { mode: values.mode, steps, stepSeconds, soakMinutes, soakModes, seed, ...size },
  modes: [],
};
log(
  `load average at start: ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
const save = () => {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(`${out}.md`, renderReport(report));
};

for (const mode of modes as ('stack' | 'embedded')[]) {
  log(`${mode}: starting`);
  const platform: LoadPlatform = mode === 'stack' ? await startStack(root) : await startEmbeddedProcess(root);
  try {
    const seeding = Date.now();
    const data = await seedDataSet(platform, size, (line) => log(`${mode}: ${line}`));
    const result: ModeResult = {
      mode,
      seed: {
        clubs: data.clubs.length,
        officers: data.officers.length,
        students: data.students.length,
        events: data.events.length,
        seconds: (Date.now() - seeding) / 1000,
      },
      steps: [],
      knee: findKnee([]),
    };
    report.modes.push(result);
    const pairs = createPairs(data);
    // Unmeasured: JIT, connection pools, PostgreSQL's and the catalog's caches.
    await runStep(platform.url, data, {
      connections: 4,
      seconds: Math.min(10, stepSeconds),
      seed: seed - 1,
      pairs,
    });
    for (const [i, connections] of steps.entries()) {
      const step: StepSummary = await runStep(platform.url, data, {
        connections,
        seconds: stepSeconds,
        seed: seed + i,
        pairs,
      });
      result.steps.push(step);
      log(
        `${mode}: ${connections} connections: ${fmt(step.throughput)} req/s, p50 ${fmt(step.overall.p50, 1)} ms, p99 ${fmt(step.overall.p99, 1)} ms, ${step.errorCount} errors${
          step.errorCount
            ? ` (${Object.entries(step.errors)
                .map(([what, n]) => `${what} × ${n}`)
                .join('; ')})`
            : ''
        }`,
      );
    }
    result.knee = findKnee(
      result.steps.map((step) => ({
        connections: step.connections,
        throughput: step.throughput,
        p99: step.overall.p99,
      })),
    );
    log(`${mode}: knee ${result.knee.connections ?? 'none'} (${result.knee.reason})`);
    save();
    if (soakModes.includes(mode) && soakMinutes > 0) {
      const connections = Number(values['soak-connections'] ?? soakConnections(steps, result.knee));
      log(`${mode}: soak for ${soakMinutes} minutes at ${connections} connections`);
      result.soak = await soak(
        platform,
        data,
        {
          connections,
          minutes: soakMinutes,
          sampleSeconds: Number(values['sample-seconds']),
          warmupMinutes: Math.min(Number(values['soak-warmup-minutes']), soakMinutes / 2),
          seed: seed + 100,
          pairs,
        },
        log,
      );
      for (const [name, t] of Object.entries(result.soak.trends)) {
        log(
          `${mode}: soak ${name}: mean ${fmt(t.mean, 1)} ${t.unit}, ${fmt(t.perHour, 2)} ${t.unit}/h, ${t.flat ? 'flat' : 'NOT flat'}`,
        );
      }
      save();
    }
  } finally {
    await platform.stop();
  }
}
report.finishedAt = new Date().toISOString();
report.machine.loadavgEnd = os.loadavg();
log(
  `load average at end: ${os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
save();
log(`wrote ${out}.md and ${out}.json`);
