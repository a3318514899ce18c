// The catalog's read paths with 10 000 generated clubs in PostgreSQL, through the gateway, at 32
// connections (`npm run bench:catalog`; needs PostgreSQL and Debian's wrk), against the targets of issue
// 22. Browsing is almost all of the platform's traffic, so what matters is how close the catalog's reads
// come to memory speed; the yardstick is a "ceiling": a second gateway (same code, same settings) in front
// of a stub that answers with the bytes the catalog answered, from memory. Its req/s and p99 are the most
// any catalog could achieve through this gateway on this machine, for answers of that size, so each
// kind of answer (list pages, the whole catalog, club pages) has its own ceiling moving the same bytes,
// and every figure is printed as a ratio to it, which holds across machines where absolute figures do not.
// In interleaved rounds (so that a machine busy for a while weighs on every scenario alike): the ceilings,
// the plain list page, the web client's whole-catalog call (`limit=999`, on every full page load),
// club pages (with the recommender's similar clubs), full-text search (whole words and as-you-type
// prefixes, with filters) and conditional list-page requests with the ETag the catalog gave each page
// (what a browser revalidating its copy sends; unconditional, with a warning, while the catalog sends no
// ETag). Each run requests many different pages, clubs and queries (a wrk Lua script picks one at random
// per request), so nothing is measured from one hot row. After the rounds, the catalog's read-cache
// metrics report the cache's size at 10 000 clubs. Ends with one line of ratios to the ceiling for
// scripts (search's p99 against the list page's: search is not expected to reach memory speed).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Club, generateClub, insertCatalogClubs, TOPICS } from './catalog/generated-clubs.js';
import { freePort } from './ports.js';
import { fmt, median } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const clubCount = Number(process.env.BENCH_CLUBS ?? 10_000);
const postgres = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
if (!existsSync('/usr/bin/wrk')) {
  console.error('/usr/bin/wrk is missing: apt-get install -y wrk');
  process.exit(2);
}

const children: ChildProcess[] = [];
// BENCH_CPU_PROFILE=<dir> writes a CPU profile of the catalog process there (to see where its time goes).
const profileDir = process.env.BENCH_CPU_PROFILE;
const launchFile = (file: string, env: Record<string, string>, flags: string[] = []) => {
  const child = spawn(process.execPath, [...flags, file], {
    env: { ...process.env, LOG_LEVEL: 'error', AMQP_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
};
const launch = (service: string, env: Record<string, string>) => {
  const profile = profileDir && service === 'catalog' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  return launchFile(path.join(root, `services/${service}/dist/start.js`), env, profile);
};
const waitFor = async (url: string) => {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
};

/**
 * A GET as wrk sends it, with no Accept-Encoding (fetch would add one, and be answered in another
 * encoding, perhaps with another ETag), and the body's exact bytes.
 */
const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    // A new connection each time: node's global agent keeps sockets alive, and one left idle past the
    // server's keep-alive timeout (the /metrics read after the rounds) fails with EPIPE when reused.
    request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });

const suffix = `${process.pid}`;
const databases = { catalog: `bench_catalog_${suffix}`, recommender: `bench_recommender_${suffix}` };
const work = mkdtempSync(path.join(tmpdir(), 'sproul-bench-catalog-'));
const admin = new pg.Client({ connectionString: `${postgres}/postgres` });
await admin.connect();
try {
  const [catalogPort, recommenderPort, gatewayPort, stubPort, ceilingPort] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const catalogUrl = `http://127.0.0.1:${catalogPort}`;
  const recommenderUrl = `http://127.0.0.1:${recommenderPort}`;
  launch('catalog', {
    PORT: String(catalogPort),
    DATABASE_URL: `${postgres}/${databases.catalog}`,
    RECOMMENDER_URL: recommenderUrl,
    SEED_DEMO: '0',
  });
  const recommenderEnv = {
    PORT: String(recommenderPort),
    DATABASE_URL: `${postgres}/${databases.recommender}`,
  };
  const recommender = launch('recommender', recommenderEnv);
  await waitFor(`${catalogUrl}/readyz`);
  await waitFor(`${recommenderUrl}/readyz`);

  // The data set, written straight into both services' tables (as their events would have).
  const started = performance.now();
  const clubs = Array.from({ length: clubCount }, (_, i) => generateClub(i));
  for (const [database, write] of [
    [databases.catalog, insertCatalogClubs],
    [databases.recommender, insertCorpus],
  ] as const) {
    const client = new pg.Client({ connectionString: `${postgres}/${database}` });
    await client.connect();
    for (let i = 0; i < clubs.length; i += 1_000) await write(client, clubs.slice(i, i + 1_000), i);
    // As autovacuum would have by now: statistics, and the visibility map that lets counts use an index.
    await client.query('vacuum analyze');
    await client.end();
  }
  console.log(`${fmt(clubCount)} clubs written in ${fmt((performance.now() - started) / 1000, 1)} s`);
  // The recommender reads its corpus when it starts (it had to start first, to create its tables), so
  // it starts again to see the clubs. Then one retrain, waited for, so that none (its first start's, on
  // a model stored from the empty corpus or none) runs in the background during the measurements.
  recommender.kill('SIGTERM');
  await once(recommender, 'exit');
  // The model its first start stored was made from no club: loaded again, every one of the 10 000 clubs
  // would be placed in it on the service's thread (about 70 s here). Without it, the start trains on
  // the clubs in its worker thread (about 10 s), as a first deployment on an existing corpus would.
  const recommenderDb = new pg.Client({ connectionString: `${postgres}/${databases.recommender}` });
  await recommenderDb.connect();
  await recommenderDb.query('delete from recommender.model_versions');
  await recommenderDb.end();
  launch('recommender', recommenderEnv);
  await waitFor(`${recommenderUrl}/readyz`);
  const retrained = await fetch(`${recommenderUrl}/internal/retrain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!retrained.ok) throw new Error(`the recommender's retrain answered ${retrained.status}`);

  // Both gateways get the same settings but for PORT and CATALOG_URL, so that the ceiling differs from
  // the real thing by the catalog alone. Their internal listeners take any free port: the default,
  // PORT + 1000, may be a port another process here was given.
  const gatewayEnv = { RECOMMENDER_URL: recommenderUrl, INTERNAL_PORT: '0' };
  launch('gateway', { ...gatewayEnv, PORT: String(gatewayPort), CATALOG_URL: catalogUrl });
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  await waitFor(`${gateway}/api/catalog/organizations`);
  await waitFor(`${recommenderUrl}/internal/similar/${clubs[0]!.linkName}`);

  const words = TOPICS.filter((word) => word.length >= 4);
  const listPaths = Array.from(
    { length: 50 },
    (_, page) => `/api/catalog/organizations?limit=20&skip=${page * 20}`,
  );
  const allPaths = ['/api/catalog/organizations?limit=999&skip=0'];
  const clubPaths = clubs
    .filter((_, i) => i % 7 === 0)
    .map((club) => `/api/catalog/organizations/${club.linkName}`);

  // What the catalog answers each list page, the whole catalog and each club page, as wrk would be
  // answered (no Accept-Encoding): the ceiling's stub replays these bytes, so each kind of answer is
  // compared with a ceiling moving the same bytes; the etag scenario revalidates with these ETags.
  // Recording asks the catalog for each once: these are its cold fills, timed here.
  const recorded: Record<string, { status: number; contentType: string; body: string }> = {};
  const etags: Record<string, string> = {};
  for (const [kind, paths] of Object.entries({ list: listPaths, all: allPaths, club: clubPaths })) {
    const startedAt = performance.now();
    for (const answerPath of paths) {
      const answer = await get(`${catalogUrl}${answerPath}`);
      if (answer.status !== 200) throw new Error(`${answerPath}: the catalog answered ${answer.status}`);
      recorded[answerPath] = {
        status: answer.status,
        contentType: String(answer.headers['content-type']),
        body: answer.body.toString('base64'),
      };
      const etag = answer.headers.etag;
      if (etag) etags[answerPath] = etag;
    }
    const ms = (performance.now() - startedAt) / paths.length;
    const bytes =
      paths.reduce((sum, p) => sum + Buffer.byteLength(recorded[p]!.body, 'base64'), 0) / paths.length;
    console.log(
      `first request (a cache miss) of each ${kind} answer: ${fmt(paths.length)} in a row, mean ${fmt(ms, 2)} ms, ${fmt(bytes / 1024, 1)} KB each`,
    );
  }
  const answersFile = path.join(work, 'recorded-answers.json');
  writeFileSync(answersFile, JSON.stringify(recorded));
  launchFile(path.join(here, 'catalog/recorded-catalog.js'), {
    PORT: String(stubPort),
    ANSWERS_FILE: answersFile,
  });
  launch('gateway', {
    ...gatewayEnv,
    PORT: String(ceilingPort),
    CATALOG_URL: `http://127.0.0.1:${stubPort}`,
  });
  const ceilingGateway = `http://127.0.0.1:${ceilingPort}`;
  await waitFor(`${ceilingGateway}${listPaths[0]}`);
  // A ceiling that answers other bytes (the gateway asking the stub for a path it did not record)
  // would measure something else: every answer must come back as recorded.
  for (const answerPath of Object.keys(recorded)) {
    const answer = await get(`${ceilingGateway}${answerPath}`);
    if (!answer.body.equals(Buffer.from(recorded[answerPath]!.body, 'base64'))) {
      throw new Error(`${answerPath}: the ceiling's gateway answered other bytes than the catalog's`);
    }
  }

  const etagCount = listPaths.filter((p) => etags[p]).length;
  if (etagCount === 0) {
    console.log('no ETag from the catalog: etag scenario measures unconditional requests');
  } else {
    if (etagCount < listPaths.length) {
      console.log(
        `ETag on ${etagCount} of ${listPaths.length} list pages: the others are sent unconditionally`,
      );
    }
    const first = listPaths.find((p) => etags[p])!;
    const { status } = await get(`${gateway}${first}`, { 'if-none-match': etags[first]! });
    if (status !== 304) {
      console.log(`a matching If-None-Match through the gateway was answered ${status}, not 304`);
    }
  }

  const scenarios: Record<string, { paths: string[]; headers?: Record<string, string>[] }> = {
    'ceiling-list': { paths: listPaths },
    list: { paths: listPaths },
    'ceiling-all': { paths: allPaths },
    all: { paths: allPaths },
    'ceiling-club': { paths: clubPaths },
    club: { paths: clubPaths },
    search: {
      paths: words.flatMap((word) => [
        `/api/catalog/organizations?q=${word}&limit=20`,
        // As-you-type: the first letters of a word, and a word with filters.
        `/api/catalog/organizations?q=${word.slice(0, 3)}&limit=20`,
        `/api/catalog/organizations?q=${word}&tags=${word.length % 20}&app_required=false&limit=20`,
      ]),
    },
    etag: {
      paths: listPaths,
      headers: listPaths.map((p): Record<string, string> => (etags[p] ? { 'If-None-Match': etags[p] } : {})),
    },
  };
  const targets: Record<string, string> = Object.fromEntries(
    Object.keys(scenarios)
      .filter((name) => name.startsWith('ceiling-'))
      .map((name) => [name, ceilingGateway]),
  );
  const script = (name: string, { paths, headers }: (typeof scenarios)[string]) => {
    const file = path.join(work, `${name}.lua`);
    const lua = (value: Record<string, string>) =>
      `{${Object.entries(value)
        .map(([key, v]) => `[${JSON.stringify(key)}]=${JSON.stringify(v)}`)
        .join(',')}}`;
    writeFileSync(
      file,
      `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}
local headers = {${(headers ?? paths.map(() => ({}))).map(lua).join(',')}}
math.randomseed(${name.length})
request = function()
  local i = math.random(#paths)
  return wrk.format("GET", paths[i], headers[i])
end
`,
    );
    return file;
  };
  const scripts = Object.fromEntries(
    Object.entries(scenarios).map(([name, scenario]) => [name, script(name, scenario)]),
  );

  const load = (name: string, duration: number) => {
    const out = execFileSync(
      '/usr/bin/wrk',
      ['-t2', '-c32', `-d${duration}s`, '--latency', '-s', scripts[name]!, targets[name] ?? gateway],
      { encoding: 'utf8' },
    );
    const ms = (label: string) => {
      const [, value, unit] = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out)!;
      return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
    };
    // wrk counts 3xx as success, so the etag scenario's 304s are not errors.
    const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (errors) throw new Error(`${name}: ${errors[1]} error answers during the run`);
    return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]), p50: ms('50'), p99: ms('99') };
  };

  if (process.env.BENCH_HOLD) {
    // BENCH_HOLD=1 keeps the set-up running for a look from outside (psql, wrk, a profiler) until ^C.
    console.log(
      `holding: gateway ${gateway}, ceiling's gateway ${ceilingGateway}, catalog ${catalogUrl}, database ${databases.catalog}, scripts in ${work}`,
    );
    await new Promise((resolve) => process.once('SIGINT', resolve));
  } else {
    for (const name of Object.keys(scenarios)) load(name, 2); // warm-up: JIT, pools, PostgreSQL's cache
    const results: Record<string, { rps: number[]; p50: number[]; p99: number[] }> = {};
    for (let round = 1; round <= rounds; round++) {
      const line: string[] = [];
      for (const name of Object.keys(scenarios)) {
        // One unmeasured second first: each gateway sits idle while the other is loaded, and
        // bench:gateway measured Node proxies answering their first second after a pause with twice
        // their steady p99, which would set a short window's p99 (the ceiling's most of all).
        load(name, 1);
        const { rps, p50, p99 } = load(name, seconds);
        results[name] ??= { rps: [], p50: [], p99: [] };
        results[name].rps.push(rps);
        results[name].p50.push(p50);
        results[name].p99.push(p99);
        line.push(`${name} ${fmt(rps)}/s p50 ${fmt(p50, 2)}ms p99 ${fmt(p99, 2)}ms`);
      }
      console.log(`round ${round}: ${line.join(' | ')}`);
    }
    const m = (name: string) => ({
      rps: median(results[name]!.rps),
      p50: median(results[name]!.p50),
      p99: median(results[name]!.p99),
    });
    const measured = Object.fromEntries(Object.keys(scenarios).map((name) => [name, m(name)]));
    const { list, all, club, search, etag } = measured as Record<string, ReturnType<typeof m>>;
    // Each scenario against the ceiling moving its own bytes; conditional requests against the list
    // pages' (a 304 moves less than either).
    const ceilingOf = (name: string) => measured[`ceiling-${name === 'etag' ? 'list' : name}`]!;
    // Far-off ratios keep a digit.
    const times = (ratio: number) => fmt(ratio, ratio < 0.1 ? 3 : 2);
    // Issue 22's targets: minimum req/s and maximum p99, each as a ratio to the ceiling's; search's p99
    // against the list page's.
    const targetsOf: Record<string, { rps: number; p99?: number }> = {
      list: { rps: 0.5, p99: 2 },
      all: { rps: 0.5, p99: 2 },
      club: { rps: 0.5, p99: 2 },
      etag: { rps: 0.8 },
    };
    for (const [name, r] of Object.entries(measured)) {
      if (name.startsWith('ceiling-')) {
        console.log(
          `${name.padEnd(12)} ${fmt(r.rps)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms`,
        );
        continue;
      }
      const target = targetsOf[name];
      const ceiling = target ? ceilingOf(name) : undefined;
      const verdict =
        target && ceiling
          ? ` (${times(r.rps / ceiling.rps)}× its ceiling's req/s, p99 ${times(r.p99 / ceiling.p99)}× its p99; target ≥ ${fmt(target.rps, 1)}×${target.p99 ? `, p99 ≤ ${fmt(target.p99)}×` : ''}: ${
              r.rps / ceiling.rps >= target.rps && r.p99 / ceiling.p99 <= (target.p99 ?? Infinity)
                ? 'met'
                : 'missed'
            })`
          : ` (p99 ${times(r.p99 / list!.p99)}× the list page's; target ≤ 2×: ${r.p99 / list!.p99 <= 2 ? 'met' : 'missed'})`;
      console.log(
        `${name.padEnd(12)} ${fmt(r.rps)} req/s, p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms${verdict}`,
      );
    }

    // The cache's size, from the metrics the catalog's read cache keeps (none before it exists).
    const metrics = await get(`${catalogUrl}/metrics`);
    const cacheLines = metrics.body
      .toString('utf8')
      .split('\n')
      .filter((line) => line.startsWith('catalog_read_cache'));
    if (metrics.status !== 200) console.log(`(the catalog's /metrics answered ${metrics.status})`);
    else console.log(cacheLines.length > 0 ? cacheLines.join('\n') : '(no read-cache metrics)');

    console.log(
      `catalog (${fmt(clubCount)} clubs): list p99=${fmt(list!.p99, 2)}ms search p99=${fmt(search!.p99, 2)}ms club p99=${fmt(club!.p99, 2)}ms search/list p99=${fmt(search!.p99 / list!.p99, 2)} club/list p99=${fmt(club!.p99 / list!.p99, 2)}`,
    );
    const ratio = (name: string, r: ReturnType<typeof m>) => times(r.rps / ceilingOf(name).rps);
    console.log(
      `catalog (${fmt(clubCount)} clubs): list/ceiling=${ratio('list', list!)} club/ceiling=${ratio('club', club!)} all/ceiling=${ratio('all', all!)} etag/ceiling=${ratio('etag', etag!)} search/list p99=${fmt(search!.p99 / list!.p99, 2)}`,
    );
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  for (const database of Object.values(databases)) {
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
  }
  await admin.end();
  rmSync(work, { recursive: true, force: true });
}

async function insertCorpus(client: pg.Client, batch: Club[], offset: number) {
  const values: unknown[] = [];
  const rows = batch.map((club, j) => {
    values.push(
      `bench-club-${offset + j}`,
      club.linkName,
      club.name,
      club.tags,
      `${club.about}\n${club.involved}`,
    );
    const base = j * 5;
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, true)`;
  });
  await client.query(
    `insert into recommender.clubs (club_id, link_name, name, tags, description, visible) values ${rows.join(', ')}`,
    values,
  );
}
