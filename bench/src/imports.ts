// `npm run bench:imports [-- --baseline <git-rev>]`: per service, the cost of importing its package
// (time and resident memory in a fresh node, median of BENCH_ROUNDS), which database or broker clients
// that import loads, and the resident memory of the service running idle as its own process. With
// --baseline, the same for that revision (checked out and built in /tmp), runs interleaved per service.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBaselineWorktree } from './imports/baseline-worktree.js';
import { idleRss } from './imports/idle-rss.js';
import { heavyModules, timeImport } from './imports/import-cost.js';
import { fmt, median } from './stats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const services = ['gateway', 'auth', 'catalog', 'recommender', 'media', 'mailer', 'monitor', 'engagement'];
const MB = 1024 * 1024;
const flag = process.argv.indexOf('--baseline');
const baseline = flag === -1 ? undefined : process.argv[flag + 1];
if (flag !== -1 && !baseline) {
  process.stderr.write('usage: npm run bench:imports [-- --baseline <git-rev>]\n');
  process.exit(2);
}

interface Figures {
  importMs: number;
  importRssMb: number;
  heavy: string[];
  idleRssMb: number;
}

/** One service measured in each checkout, a round of each in turn so drift hits them alike. */
async function measure(name: string, roots: string[]): Promise<Figures[]> {
  const entry = (dir: string) => path.join(dir, `services/${name}/dist/index.js`);
  const samples = roots.map(() => ({ ms: [] as number[], rss: [] as number[] }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, dir] of roots.entries()) {
      const { ms, rss } = await timeImport(entry(dir));
      samples[i]!.ms.push(ms);
      samples[i]!.rss.push(rss / MB);
    }
  }
  const figures: Figures[] = [];
  for (const [i, dir] of roots.entries()) {
    figures.push({
      importMs: median(samples[i]!.ms),
      importRssMb: median(samples[i]!.rss),
      heavy: await heavyModules(entry(dir)),
      idleRssMb: (await idleRss(dir, name)) / MB,
    });
  }
  return figures;
}

const heavyCell = (heavy: string[]) => (heavy.length ? heavy.join(', ') : 'none');
const pair = (before: number, after: number, digits: number) =>
  `${fmt(before, digits)} → ${fmt(after, digits)} (×${fmt(after / before, 2)})`;

async function report(roots: string[]) {
  const header = baseline
    ? `service | import ms (${baseline} → now) | import RSS MB | heavy modules loaded (${baseline} / now) | idle RSS MB`
    : 'service | import ms | import RSS MB | heavy modules loaded | idle RSS MB';
  const lines = [header, header.replace(/[^|]/g, '-')];
  for (const name of services) {
    const [first, second] = await measure(name, roots);
    const row = second
      ? [
          pair(first!.importMs, second.importMs, 0),
          pair(first!.importRssMb, second.importRssMb, 1),
          `${heavyCell(first!.heavy)} / ${heavyCell(second.heavy)}`,
          pair(first!.idleRssMb, second.idleRssMb, 1),
        ]
      : [fmt(first!.importMs), fmt(first!.importRssMb, 1), heavyCell(first!.heavy), fmt(first!.idleRssMb, 1)];
    lines.push([name, ...row].join(' | '));
    console.log(`measured ${name}`);
  }
  console.log(
    `\nmedian of ${rounds} fresh processes per import; idle RSS: VmRSS once steady (gateway: 1 worker)`,
  );
  console.log(lines.join('\n'));
}

if (baseline) await withBaselineWorktree(root, baseline, (dir) => report([dir, root]));
else await report([root]);
