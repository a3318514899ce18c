// The recommender (`npm run bench:recommender`; needs Debian's wrk): full retrain time and peak RSS at
// 1 000 and 10 000 clubs on the TensorFlow.js backend available here; then, with 10 000 clubs in the
// service (embedded PostgreSQL), `/internal/similar` at 32 connections beside its `/healthz` in the
// same run (interleaved rounds; a wrk Lua script asks for a random club per request), the same load
// while a retrain runs, and the time from a ClubUpdated event to the club's new neighbours. Ends with one line for scripts.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { ClubCreatedV1, ClubUpdatedV1, makeEvent } from '@sproul/common/events';
import { bootService, openStorage } from '@sproul/common/testing';
import { ClubSpace, loadEvalSet, recommenderService, trainModel } from '@sproul/recommender';
import { sql } from 'drizzle-orm';
import { fmt, median } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
if (!existsSync('/usr/bin/wrk')) {
  console.error('/usr/bin/wrk is missing: apt-get install -y wrk');
  process.exit(2);
}

const evalSet = loadEvalSet();
const byKind = new Map<string, typeof evalSet.clubs>();
for (const club of evalSet.clubs) byKind.set(club.kind, [...(byKind.get(club.kind) ?? []), club]);
const kinds = [...byKind.keys()];

/** Clubs written like the eval set's: sentences of two or three clubs of one kind, and a stray one. */
function campus(count: number, seed = 7) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const sentences = (text: string) => text.split(/(?<=\.)\s+/).filter(Boolean);
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const sources = [pick(byKind.get(kind)!), pick(byKind.get(kind)!), pick(evalSet.clubs)];
    const text = sources.flatMap((club) => sentences(club.about_us).filter(() => random() < 0.6));
    return {
      clubId: `bench-${i}`,
      linkName: `bench-${i}`,
      name: `${sources[0]!.name} ${i}`,
      tags: sources[0]!.tags,
      description: text.join(' '),
    };
  });
}

// 1. Full retrain: LSA (TensorFlow.js), tuning on the eval set, and every club's neighbours.
const training: Record<number, { ms: number; rssMb: number; backend: string }> = {};
// BENCH_SERVING_ONLY=1 skips this part (a look at serving alone, e.g. under --trace-gc).
for (const count of process.env.BENCH_SERVING_ONLY ? [] : [1_000, 10_000]) {
  const clubs = campus(count);
  const started = performance.now();
  const trained = await trainModel(clubs, evalSet);
  const space = new ClubSpace(trained.text, trained.params);
  await space.build(clubs);
  const ms = performance.now() - started;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  training[count] = { ms, rssMb, backend: trained.backend };
  console.log(
    `retrain ${fmt(count)} clubs: ${fmt(ms / 1000, 1)} s (of which training and tuning ${fmt(trained.trainMs / 1000, 1)} s), ` +
      `peak RSS ${fmt(rssMb)} MB so far, backend ${trained.backend}, held-out P@3 ${trained.figures.precision}`,
  );
}

// 2. Serving 10 000 clubs: the corpus goes straight into the recommender's table, then a restart
// loads it; the first start trains the first model in the background.
const storage = await openStorage('embedded');
const config = { RECOMMENDER_RETRAIN_INTERVAL_MS: '0' };
let service = await bootService(recommenderService, { storage: storage.storage, config });
const clubs = campus(10_000, 11);
for (let start = 0; start < clubs.length; start += 1000) {
  const rows = clubs
    .slice(start, start + 1000)
    .map(
      (club) =>
        sql`(${club.clubId}, ${club.linkName}, ${club.name}, ${`{${club.tags.join(',')}}`}::int[], ${club.description}, true)`,
    );
  await service.db.execute(
    sql`insert into recommender.clubs (club_id, link_name, name, tags, description, visible) values ${sql.join(rows, sql`, `)}`,
  );
}
await service.close();
service = await bootService(recommenderService, { storage: storage.storage, config });
const firstModelStarted = performance.now();
let servedBackend = '';
for (;;) {
  const res = await fetch(service.url('/internal/model'));
  const { model } = await res.json();
  if (model) {
    servedBackend = model.backend;
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log(
  `first model in the service: ${fmt((performance.now() - firstModelStarted) / 1000, 1)} s after start`,
);

const work = mkdtempSync(path.join(tmpdir(), 'bench-recommender-'));
const similarScript = path.join(work, 'similar.lua');
writeFileSync(
  similarScript,
  `request = function() return wrk.format("GET", "/internal/similar/bench-" .. math.random(0, ${clubs.length - 1}) .. "?k=3") end\n`,
);
// wrk runs asynchronously: the service answers from this very process, whose event loop must stay free.
const load = async (url: string, duration: number, script?: string) => {
  const { stdout: out } = await promisify(execFile)(
    '/usr/bin/wrk',
    ['-t2', '-c32', `-d${duration}s`, '--latency', ...(script ? ['-s', script] : []), url],
    { encoding: 'utf8' },
  );
  const ms = (label: string) => {
    const [, value, unit] = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out)!;
    return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  };
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
  if (errors) throw new Error(`${url}: ${errors[1]} error answers during the run`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]), p99: ms('99') };
};
const base = service.url('');
const results = { similar: [] as number[], healthz: [] as number[], rps: [] as number[] };
await load(`${base}/healthz`, 1);
await load(base, 2, similarScript);
for (let round = 1; round <= rounds; round++) {
  const similar = await load(base, seconds, similarScript);
  const healthz = await load(`${base}/healthz`, seconds);
  results.similar.push(similar.p99);
  results.healthz.push(healthz.p99);
  results.rps.push(similar.rps);
  console.log(
    `round ${round}: similar ${fmt(similar.rps)}/s p99 ${fmt(similar.p99, 2)} ms | healthz ${fmt(healthz.rps)}/s p99 ${fmt(healthz.p99, 2)} ms`,
  );
}

// 2b. The same load while a retrain runs (in its worker thread), and how late this process's timers
// were meanwhile (the service answers from this very event loop).
const recommender = service.context as {
  retrain(reason: string, options?: { force?: boolean }): Promise<unknown>;
  training(): boolean;
};
const retrainStarted = performance.now();
const retraining = recommender.retrain('bench', { force: true });
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const duringRetrain = await load(base, seconds, similarScript);
delay.disable();
const overlapped = recommender.training();
await retraining;
const retrainInService = { ...duringRetrain, ms: performance.now() - retrainStarted, overlapped, delay };
console.log(
  `during a retrain (${fmt(retrainInService.ms / 1000, 1)} s, ${overlapped ? 'still training when the run ended' : 'ended before the run did'}): ` +
    `similar ${fmt(duringRetrain.rps)}/s p99 ${fmt(duringRetrain.p99, 2)} ms; event loop delay p99 ${fmt(delay.percentile(99) / 1e6)} ms, max ${fmt(delay.max / 1e6)} ms`,
);

// 3. ClubUpdated → new neighbours: a club takes another kind's text and tags; time until its answer changes.
const freshness: number[] = [];
for (let i = 0; i < 20; i++) {
  const club = clubs[i * 37]!;
  const other = clubs[i * 37 + 1]!;
  const before = JSON.stringify(
    (await (await fetch(service.url(`/internal/similar/${club.linkName}`))).json()).similar,
  );
  const started = performance.now();
  await service.bus.publish([
    makeEvent(
      ClubUpdatedV1,
      {
        clubId: club.clubId,
        changed: ['about_us', 'tags'],
        club: {
          name: `${other.name} too`,
          link_name: club.linkName,
          tags: other.tags,
          num_users: 0,
          app_required: false,
          new_members: true,
          about_us: other.description,
          get_involved: '',
          visible: true,
        },
      },
      'catalog',
    ),
  ]);
  for (;;) {
    const now = JSON.stringify(
      (await (await fetch(service.url(`/internal/similar/${club.linkName}`))).json()).similar,
    );
    if (now !== before) break;
  }
  freshness.push(performance.now() - started);
}
// A created club too: it answers with neighbours as soon as its event is handled.
const createdStarted = performance.now();
const newcomer = clubs[5]!;
await service.bus.publish([
  makeEvent(
    ClubCreatedV1,
    {
      clubId: 'bench-new',
      ownerUserId: 'bench-owner',
      club: {
        name: 'Newcomer',
        link_name: 'bench-new',
        tags: newcomer.tags,
        num_users: 0,
        app_required: false,
        new_members: true,
        about_us: newcomer.description,
        get_involved: '',
        visible: true,
      },
    },
    'catalog',
  ),
]);
while ((await fetch(service.url('/internal/similar/bench-new'))).status !== 200);
const createdMs = performance.now() - createdStarted;

await service.close();
await storage.close();
rmSync(work, { recursive: true, force: true });

const similarP99 = median(results.similar);
const healthzP99 = median(results.healthz);
console.log(
  `similar ${fmt(median(results.rps))} req/s p99 ${fmt(similarP99, 2)} ms, healthz p99 ${fmt(healthzP99, 2)} ms; ` +
    `ClubUpdated → new neighbours median ${fmt(median(freshness))} ms, max ${fmt(Math.max(...freshness))} ms; ClubCreated → answered ${fmt(createdMs)} ms`,
);
console.log(
  `recommender (10,000 clubs, ${servedBackend}): similar p99=${fmt(similarP99, 2)}ms healthz p99=${fmt(healthzP99, 2)}ms ratio=${fmt(similarP99 / healthzP99, 2)} ` +
    `retrain_1k=${fmt((training[1_000]?.ms ?? Number.NaN) / 1000, 1)}s rss_1k=${fmt(training[1_000]?.rssMb ?? Number.NaN)}MB retrain_10k=${fmt((training[10_000]?.ms ?? Number.NaN) / 1000, 1)}s rss_10k=${fmt(training[10_000]?.rssMb ?? Number.NaN)}MB ` +
    `update_to_neighbours=${fmt(median(freshness))}ms similar_p99_during_retrain=${fmt(retrainInService.p99, 2)}ms ` +
    `loop_delay_p99_during_retrain=${fmt(retrainInService.delay.percentile(99) / 1e6)}ms`,
);
process.exit(0);
