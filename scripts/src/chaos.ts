// `npm run chaos [-- --rounds 1 --min-duration 180 --lanes 3 --hold 10 --out reports/chaos.md]`: the
// stack under fire (see chaos/run.ts). Every service killed in turn, RabbitMQ stopped and started,
// PostgreSQL connections ended, Redis unreachable, `rounds` times, while a workload runs through the
// gateway; then the invariants. Writes the report (markdown and JSON); exits 1 if an invariant failed.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { infraUrls } from '@sproul/common/testing';
import { faultPlan } from './chaos/faults.js';
import { writeReport } from './chaos/report.js';
import { KILLABLE, runChaos } from './chaos/run.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1' },
    'min-duration': { type: 'string', default: '180' },
    lanes: { type: 'string', default: '3' },
    hold: { type: 'string', default: '10' },
    services: { type: 'string', default: KILLABLE.join(',') },
    out: { type: 'string', default: 'reports/chaos.md' },
  },
});
const number = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`--${name} must be a positive number\n`);
    process.exit(2);
  }
  return value;
};
const services = String(values.services).split(',');
const unknown = services.filter((service) => !KILLABLE.includes(service));
if (unknown.length > 0) {
  process.stderr.write(`unknown services: ${unknown.join(', ')} (one of ${KILLABLE.join(', ')})\n`);
  process.exit(2);
}

const faults = faultPlan({ services, rounds: number('rounds'), holdMs: number('hold') * 1000 });
const log = (line: string) =>
  process.stdout.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
log(`${faults.length} faults planned`);
const { report, stackOutput } = await runChaos({
  faults,
  lanes: number('lanes'),
  minDurationMs: number('min-duration') * 1000,
  gapMs: 3_000,
  stepTimeoutMs: 120_000,
  recoveryTimeoutMs: 180_000,
  postgresUrl: infraUrls.postgres,
  log,
  cleanUpOnSignal: true,
});
const written = writeReport(report, String(values.out));
// The services' own lines (warnings and errors), for reading what a failed invariant points at.
const stackLog = path.join(tmpdir(), `sproul-chaos-stack-${process.pid}.log`);
writeFileSync(stackLog, stackOutput);
log(`the stack's output: ${stackLog}`);
for (const check of report.checks) log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
log(
  `lost = ${report.lost}, duplicated = ${report.duplicated}; report in ${written.markdown} and ${written.json}`,
);
process.exitCode = report.ok ? 0 : 1;
