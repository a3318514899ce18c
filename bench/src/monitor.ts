// The monitor's statistics routes through the gateway with 10 000 clubs and 100 000 activity events
// in PostgreSQL (`npm run bench:monitor`; needs PostgreSQL and Debian's wrk), each route's p99 beside
// the gateway's /healthz p99 in the same interleaved rounds (target: at most 3×), and how long the
// monitor takes to build all its read models from those events. The monitor runs in this process on
// an in-process bus (events published here), the gateway as its own process, as in production.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { InProcessBus } from '@sproul/common/bus';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { openPostgres } from '@sproul/common/db';
import { startService } from '@sproul/common/service';
import { createTestDatabase, infraAvailable, testLogger, tokenIssuer } from '@sproul/common/testing';
import { monitorService } from '@sproul/monitor';
import { campusEvents } from './monitor-events.js';
import { freePort } from './ports.js';
import { fmt, median } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const clubCount = Number(process.env.BENCH_CLUBS ?? 10_000);
const activityCount = Number(process.env.BENCH_ACTIVITY ?? 100_000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
if (!existsSync('/usr/bin/wrk')) {
  console.error('/usr/bin/wrk is missing: apt-get install -y wrk');
  process.exit(2);
}
if (!(await infraAvailable('postgres'))) {
  console.error('PostgreSQL is not reachable (POSTGRES_URL)');
  process.exit(2);
}

const ROUTES = {
  healthz: '/healthz',
  'sign-up': '/api/monitor/overview/stats/sign-up',
  activity: '/api/monitor/overview/stats/activity',
  'social-media': '/api/monitor/more-stats/social-media',
  'club-reqs': '/api/monitor/more-stats/club-reqs',
  'pic-stats': '/api/monitor/more-stats/pic-stats',
  public: '/api/stats/public',
} as const;

const children: ChildProcess[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'sproul-bench-monitor-'));
const testDb = await createTestDatabase('bench_monitor');
const database = await openPostgres({ url: testDb.url, service: 'monitor' });
const bus = new InProcessBus(testLogger());
const store = new MemoryStore();
const issuer = await tokenIssuer();
const monitor = await startService(
  monitorService,
  { logger: testLogger(), database, bus, store },
  loadConfig(monitorService.config, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: testDb.url,
    AUTH_URL: issuer.url,
    REPLAY_ON_FIRST_START: '0',
  }),
);
try {
  // The read models, built from the events as a rebuild builds them. The events are let go before the
  // HTTP runs, so that the monitor's heap (this process) is what it would be in production.
  const buildSeconds = await (async () => {
    const { setup, signIns } = campusEvents(Date.now(), clubCount, activityCount);
    const events = [...setup, ...signIns];
    const started = performance.now();
    for (let i = 0; i < events.length; i += 1_000) await bus.publish(events.slice(i, i + 1_000));
    await bus.idle();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `read models built from ${fmt(events.length)} events (${fmt(clubCount)} clubs, ${fmt(clubCount * 2)} accounts, ${fmt(activityCount)} activity) in ${fmt(seconds, 1)} s (${fmt(events.length / seconds)} events/s)`,
    );
    return seconds;
  })();

  const gatewayPort = await freePort();
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  children.push(
    spawn(process.execPath, [path.join(root, 'services/gateway/dist/start.js')], {
      env: {
        ...process.env,
        LOG_LEVEL: 'error',
        REDIS_URL: '',
        PORT: String(gatewayPort),
        MONITOR_URL: monitor.url,
        AUTH_URL: issuer.url,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${gateway}/healthz`)).ok) break;
    } catch {}
    if (i > 600) throw new Error('the gateway did not come up');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const token = await issuer.token('admin', { expiresIn: '2h' });
  for (const [name, route] of Object.entries(ROUTES)) {
    const answer = await fetch(`${gateway}${route}`, { headers: { authorization: `Bearer ${token}` } });
    if (!answer.ok) throw new Error(`${name}: ${answer.status} ${await answer.text()}`);
  }

  const script = (name: string, route: string) => {
    const file = path.join(work, `${name}.lua`);
    writeFileSync(
      file,
      `wrk.headers["Authorization"] = "Bearer ${token}"\nrequest = function() return wrk.format("GET", "${route}") end\n`,
    );
    return file;
  };
  // wrk runs beside this process's event loop, which serves the monitor: never a synchronous exec.
  const load = async (name: keyof typeof ROUTES, duration: number) => {
    const { stdout: out } = await promisify(execFile)(
      '/usr/bin/wrk',
      ['-t2', `-c${connections}`, `-d${duration}s`, '--latency', '-s', script(name, ROUTES[name]), gateway],
      { encoding: 'utf8' },
    );
    const ms = (label: string) => {
      const [, value, unit] = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out) ?? [];
      return Number(value) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
    };
    const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    if (errors) throw new Error(`${name}: ${errors[1]} error answers during the run`);
    if (process.env.BENCH_VERBOSE) console.log(out);
    return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]), p99: ms('99') };
  };

  const names = Object.keys(ROUTES) as (keyof typeof ROUTES)[];
  for (const name of names) await load(name, 2); // warm-up: JIT, pools, PostgreSQL's cache
  const p99s: Record<string, number[]> = {};
  for (let round = 1; round <= rounds; round++) {
    const line: string[] = [];
    for (const name of names) {
      const { rps, p99 } = await load(name, seconds);
      p99s[name] = [...(p99s[name] ?? []), p99];
      line.push(`${name} ${fmt(rps)}/s p99 ${fmt(p99, 2)}ms`);
    }
    console.log(`round ${round}: ${line.join(' | ')}`);
  }
  const healthz = median(p99s.healthz ?? []);
  const ratios = names
    .filter((name) => name !== 'healthz')
    .map((name) => {
      const p99 = median(p99s[name] ?? []);
      return `${name} p99=${fmt(p99, 2)}ms (${fmt(p99 / healthz, 2)}×)`;
    });
  console.log(
    `monitor (${fmt(clubCount)} clubs, ${fmt(activityCount)} activity events, ${connections} connections): healthz p99=${fmt(healthz, 2)}ms; ${ratios.join('; ')}; rebuild ${fmt(buildSeconds, 1)} s`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await monitor.stop();
  await bus.close();
  await database.close();
  await testDb.drop();
  await issuer.close();
  rmSync(work, { recursive: true, force: true });
}
