// `npm run stats:size [-- --base <git-rev>]`: how long the TypeScript sources under services/*/src and
// libs/*/src are (file count, total, median, p90, max, the 10 longest); with --base, the same for that
// revision side by side, and the lines removed or added between the two.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { revisionSources, type SourceFile, workingTreeSources } from './source-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const baseIndex = process.argv.indexOf('--base');
const base = baseIndex === -1 ? undefined : process.argv[baseIndex + 1];
if (baseIndex !== -1 && !base) {
  process.stderr.write('usage: npm run stats:size [-- --base <git-rev>]\n');
  process.exit(2);
}

/** Nearest-rank percentile: the smallest value with at least p % of the values at or below it. */
const nearestRank = (sorted: number[], p: number) =>
  sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

function summary(files: SourceFile[]) {
  const sorted = files.map((file) => file.lines).sort((a, b) => a - b);
  return {
    files: files.length,
    total: sorted.reduce((sum, lines) => sum + lines, 0),
    median: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
    max: sorted.at(-1) ?? 0,
  };
}

const longest = (files: SourceFile[]) =>
  [...files]
    .sort((a, b) => b.lines - a.lines)
    .slice(0, 10)
    .map((file) => `  ${String(file.lines).padStart(5)}  ${file.path}`)
    .join('\n');

const current = workingTreeSources(root);
const now = summary(current);
const rows: [string, keyof typeof now][] = [
  ['files', 'files'],
  ['total lines', 'total'],
  ['median lines', 'median'],
  ['p90 lines', 'p90'],
  ['max lines', 'max'],
];
const cell = (value: string | number) => String(value).padStart(14);
console.log('TypeScript sources under services/*/src and libs/*/src (no tests, no .d.ts)');
console.log('percentiles: nearest rank (p-th: the smallest count with ≥ p % of files at or below it)\n');

if (!base) {
  for (const [label, key] of rows) console.log(`${label.padEnd(14)}${cell(now[key])}`);
  console.log(`\n10 longest files:\n${longest(current)}`);
} else {
  const before = revisionSources(root, base);
  const then = summary(before);
  console.log(`${''.padEnd(14)}${cell(base)}${cell('working tree')}`);
  for (const [label, key] of rows) console.log(`${label.padEnd(14)}${cell(then[key])}${cell(now[key])}`);
  const difference = now.total - then.total;
  const sign = difference > 0 ? '+' : '';
  console.log(`\ntotal difference: ${sign}${difference} lines (${difference <= 0 ? 'removed' : 'added'})`);
  console.log(`\n10 longest files at ${base}:\n${longest(before)}`);
  console.log(`\n10 longest files in the working tree:\n${longest(current)}`);
}
