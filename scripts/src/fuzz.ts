// `npm run fuzz`: property-based fuzzing of every public route through the gateway of the embedded
// platform (scripts/src/fuzz/), 10 000 requests unless told otherwise; writes reports/fuzz.md and
// reports/fuzz.json and exits 1 when an invariant broke.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzReport } from './fuzz/fuzz-report.js';
import { fuzzPlatform } from './fuzz/fuzz-run.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    out: { type: 'string', default: 'reports' },
  },
});
const requests = Number(values.requests);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--requests N] [--seed S] [--out DIR]\n');
  process.exit(64);
}

process.stdout.write(`fuzzing every route through the gateway: ${requests} requests, seed ${seed}\n`);
let shown = 0;
const result = await fuzzPlatform({
  requests,
  seed,
  onProgress: (sent) => {
    if (sent - shown < 1_000) return;
    shown = sent;
    process.stdout.write(`  ${sent} requests\n`);
  },
});
const { json, markdown } = fuzzReport(result, `npm run fuzz -- --requests ${requests} --seed ${seed}`);
const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'fuzz.json'), `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(path.join(out, 'fuzz.md'), markdown);
const { report } = result;
process.stdout.write(
  `${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s: ${JSON.stringify(report.perStatusClass)}, ` +
    `${report.findings.length} findings; report in ${path.relative(process.cwd(), out)}/fuzz.md\n`,
);
for (const finding of report.findings) {
  process.stdout.write(`\n${finding.signature}: ${finding.violations[0]!.detail}\n${finding.readable}\n`);
}
process.exit(report.findings.length > 0 ? 1 : 0);
