// Gateway throughput and tail latency, side by side in one run (`npm run bench:gateway`): the upstream
// direct, nginx proxying it (keep-alive), a stock express + http-proxy-middleware + jsonwebtoken gateway,
// and ours (JWT verification and the denylist check on), each its own process, loaded by wrk at 32
// connections, in interleaved rounds; beside them, for reference, bare node:http forwarding with no
// checks (the floor of any Node gateway) and http-proxy-middleware alone with our worker count (what our
// per-request work costs on top of the proxy library). Ours keeps the token denylist in process memory
// here, as `npm start` does; when Redis answers (REDIS_URL, default localhost), ours is also measured
// with the denylist and rate limits in Redis, as `npm run stack` runs it: the denylist read from each
// process's local copy that Redis keeps current; BENCH_DENYLIST_MGET=1 adds, in the same rounds, ours
// asking Redis per request (one MGET, as before the copy existed) for a paired comparison.
// Needs Debian's nginx-light and wrk.
// Tracing's cost: BENCH_TRACING=1 adds ours with tracing on at 100 % (OTLP to a local sink);
// BENCH_BASELINE=<another checkout's services/gateway/dist/start.js> adds that build, to compare a
// change with what came before; BENCH_ONLY=ours,baseline,… measures only the targets named.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIENCE, ISSUER } from '@sproul/common/auth';
import { reachable } from '@sproul/common/testing';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { freePort } from './ports.js';
import { fmt, median } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
for (const tool of ['/usr/sbin/nginx', '/usr/bin/wrk']) {
  if (!existsSync(tool)) {
    console.error(`${tool} is missing: apt-get install -y nginx-light wrk`);
    process.exit(2);
  }
}

/** A Fisher-Yates shuffle driven by a small seeded generator (mulberry32): varied, and repeatable. */
function shuffled<T>(items: T[], seed: number): T[] {
  const result = [...items];
  let state = seed * 0x9e3779b9;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

const children: ChildProcess[] = [];
const launch = (command: string, args: string[], env: Record<string, string> = {}) => {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(child);
  return child;
};
const waitFor = async (url: string, headers: Record<string, string> = {}) => {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not come up`);
};

const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
const token = await new SignJWT({
  role: 'officer',
  email: 'o@berkeley.edu',
  confirmed: true,
  club: null,
  sid: 'bench',
  token_use: 'access',
})
  .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
  .setSubject('bench-user')
  .setJti('bench-jti')
  .setIssuer(ISSUER)
  .setAudience(AUDIENCE)
  .setIssuedAt()
  .setExpirationTime('2h')
  .sign(privateKey);

const work = mkdtempSync(path.join(tmpdir(), 'sproul-bench-gateway-'));
const [upstreamPort, nginxPort, stockPort, oursPort, bareNodePort, proxyOnlyPort, oursRedisPort] =
  await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
const [baselinePort, tracedPort, sinkPort] = await Promise.all([freePort(), freePort(), freePort()]);
const baseline = process.env.BENCH_BASELINE;
const traced = process.env.BENCH_TRACING === '1';
const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisAnswers = await reachable(redisUrl);
const upstream = `http://127.0.0.1:${upstreamPort}`;
const route = '/api/admin/profile';
try {
  launch(process.execPath, [path.join(here, 'gateway/upstream.js')], {
    PORT: String(upstreamPort),
    JWKS_JSON: JSON.stringify({ keys: [jwk] }),
  });
  writeFileSync(
    path.join(work, 'nginx.conf'),
    `worker_processes auto; pid ${work}/nginx.pid; error_log ${work}/error.log;
events { worker_connections 1024; }
http { access_log off;
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 64; }
  server { listen 127.0.0.1:${nginxPort};
    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; } } }
`,
  );
  launch('/usr/sbin/nginx', ['-p', work, '-c', path.join(work, 'nginx.conf'), '-g', 'daemon off;']);
  launch(process.execPath, [path.join(here, 'gateway/stock.js')], {
    PORT: String(stockPort),
    TARGET: upstream,
    PUBLIC_PEM: await exportSPKI(publicKey),
  });
  launch(process.execPath, [path.join(here, 'gateway/bare-node.js')], {
    PORT: String(bareNodePort),
    TARGET: upstream,
  });
  launch(process.execPath, [path.join(here, 'gateway/proxy-only.js')], {
    PORT: String(proxyOnlyPort),
    TARGET: upstream,
  });
  // BENCH_CPU_PROFILE=<dir> writes CPU profiles of our gateway's processes there (to see where time goes).
  const profile = process.env.BENCH_CPU_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
    : [];
  const launchOurs = (
    port: number,
    redis: string,
    start = path.join(root, 'services/gateway/dist/start.js'),
    env: Record<string, string> = {},
  ) =>
    launch(process.execPath, [...profile, start], {
      PORT: String(port),
      AUTH_URL: upstream,
      CATALOG_URL: upstream,
      LOG_LEVEL: 'silent',
      REDIS_URL: redis,
      ...env,
    });
  launchOurs(oursPort, '');
  if (redisAnswers) launchOurs(oursRedisPort, redisUrl);
  const withMget = redisAnswers && process.env.BENCH_DENYLIST_MGET === '1';
  const oursMgetPort = withMget ? await freePort() : 0;
  if (withMget) launchOurs(oursMgetPort, redisUrl, undefined, { DENYLIST_LOCAL_COPY: '0' });
  if (baseline) launchOurs(baselinePort, '', baseline);
  if (traced) {
    launch(process.execPath, [path.join(here, 'gateway/otlp-sink.js')], { PORT: String(sinkPort) });
    launchOurs(tracedPort, '', undefined, {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sinkPort}`,
      OTEL_TRACES_SAMPLER: 'always_on',
    });
  }
  const auth = { authorization: `Bearer ${token}` };
  const targets = {
    upstream: `${upstream}${route}`,
    nginx: `http://127.0.0.1:${nginxPort}${route}`,
    stock: `http://127.0.0.1:${stockPort}${route}`,
    ours: `http://127.0.0.1:${oursPort}${route}`,
    // One process, no checks at all: what node:http alone costs (a reference, not a contender).
    bareNode: `http://127.0.0.1:${bareNodePort}${route}`,
    // http-proxy-middleware and nothing else, as many workers as ours (a reference, not a contender).
    proxyOnly: `http://127.0.0.1:${proxyOnlyPort}${route}`,
    // Ours as `npm run stack` runs it: the denylist (and rate limits) in Redis.
    ...(redisAnswers ? { oursRedis: `http://127.0.0.1:${oursRedisPort}${route}` } : {}),
    ...(withMget ? { oursRedisMget: `http://127.0.0.1:${oursMgetPort}${route}` } : {}),
    // The same gateway built from another checkout (BENCH_BASELINE), and ours tracing every request.
    ...(baseline ? { baseline: `http://127.0.0.1:${baselinePort}${route}` } : {}),
    ...(traced ? { oursTraced: `http://127.0.0.1:${tracedPort}${route}` } : {}),
  };
  if (only)
    for (const name of Object.keys(targets))
      if (!only.includes(name)) delete (targets as Record<string, string>)[name];
  for (const url of Object.values(targets)) await waitFor(url, auth);

  const load = (url: string, duration: number) => {
    const out = execFileSync(
      '/usr/bin/wrk',
      ['-t2', '-c32', `-d${duration}s`, '--latency', '-H', `Authorization: Bearer ${token}`, url],
      { encoding: 'utf8' },
    );
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]);
    const [, value, unit] = /99%\s+([\d.]+)(us|ms|s)/.exec(out)!;
    const p99 = Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
    const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (errors) throw new Error(`${url}: ${errors[1]} error answers during the run`);
    return { rps, p99 };
  };

  for (const url of Object.values(targets)) load(url, 2); // warm-up: JIT, keep-alive pools
  const results: Record<string, { rps: number[]; p99: number[] }> = {};
  for (let round = 1; round <= rounds; round++) {
    const line: string[] = [];
    // Each round runs the targets in another order (the same orders on every run), so that no target
    // always follows the same one: ours used to follow stock, the lightest load, in every round.
    const order = shuffled(Object.entries(targets), round);
    for (const [name, url] of order) {
      // One unmeasured second first, on this target only: each target sits idle while the others are
      // loaded, and every Node proxy here (http-proxy-middleware alone too, not the upstream direct)
      // answers its first second after such a pause with a p99 twice its steady one. Measured without
      // this, that second is a fifth of a 5-s window and sets the window's p99.
      load(url, 1);
      const { rps, p99 } = load(url, seconds);
      results[name] ??= { rps: [], p99: [] };
      results[name].rps.push(rps);
      results[name].p99.push(p99);
      line.push(`${name} ${fmt(rps)}/s p99 ${fmt(p99, 2)}ms`);
    }
    console.log(`round ${round}: ${line.join(' | ')}`);
  }
  const m = (name: string) => ({ rps: median(results[name]!.rps), p99: median(results[name]!.p99) });
  const against = (name: string, other: string) =>
    results[name] && results[other]
      ? console.log(
          `${name}: ${fmt(m(name).rps)} req/s, p99 ${fmt(m(name).p99, 2)} ms (${fmt(m(name).rps / m(other).rps, 3)}× ${other}'s req/s, p99 ${fmt(m(name).p99 / m(other).p99, 2)}× ${other}'s)`,
        )
      : undefined;
  against('baseline', 'ours');
  against('ours', 'baseline');
  against('oursTraced', 'ours');
  if (only) process.exit(0);
  const [ours, stock, nginx] = [m('ours'), m('stock'), m('nginx')];
  console.log(`upstream direct: ${fmt(m('upstream').rps)} req/s, p99 ${fmt(m('upstream').p99, 2)} ms`);
  const bareNode = m('bareNode');
  console.log(
    `bare node:http forwarding, one process, no checks: ${fmt(bareNode.rps)} req/s, p99 ${fmt(bareNode.p99, 2)} ms (${fmt(bareNode.rps / nginx.rps, 2)}× nginx)`,
  );
  const proxyOnly = m('proxyOnly');
  console.log(
    `http-proxy-middleware alone, one worker per core, no checks: ${fmt(proxyOnly.rps)} req/s, p99 ${fmt(proxyOnly.p99, 2)} ms (${fmt(proxyOnly.rps / nginx.rps, 2)}× nginx, p99 ${fmt(proxyOnly.p99 / nginx.p99, 2)}× nginx's)`,
  );
  if (redisAnswers) {
    const oursRedis = m('oursRedis');
    console.log(
      `ours with the denylist in Redis (as npm run stack runs it): ${fmt(oursRedis.rps)} req/s, p99 ${fmt(oursRedis.p99, 2)} ms (${fmt(oursRedis.rps / nginx.rps, 2)}× nginx, ${fmt(oursRedis.rps / stock.rps, 2)}× stock, p99 ${fmt(oursRedis.p99 / nginx.p99, 2)}× nginx's)`,
    );
    if (withMget) {
      const mget = m('oursRedisMget');
      console.log(
        `ours asking Redis per request (one MGET, no local copy): ${fmt(mget.rps)} req/s, p99 ${fmt(mget.p99, 2)} ms (${fmt(mget.rps / nginx.rps, 2)}× nginx, p99 ${fmt(mget.p99 / nginx.p99, 2)}× nginx's)`,
      );
    }
  } else {
    console.log(`Redis at ${redisUrl} did not answer: ours was measured with the denylist in memory only`);
  }
  console.log(
    `gateway: ours=${fmt(ours.rps)} stock=${fmt(stock.rps)} nginx=${fmt(nginx.rps)} ours/stock=${fmt(ours.rps / stock.rps, 2)} ours/nginx=${fmt(ours.rps / nginx.rps, 2)} p99 ours/nginx=${fmt(ours.p99 / nginx.p99, 2)}`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  rmSync(work, { recursive: true, force: true });
}
