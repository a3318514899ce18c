// Login throughput with argon2id, and the memory 20 concurrent logins take, beside raw argon2id
// verification at the same concurrency, in one run. `npm run bench:login`.
import { hash, verify } from '@node-rs/argon2';
import { authService, createAdminAccount } from '@sproul/auth';
import { InProcessBus } from '@sproul/common/bus';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { openPostgres, rowsOf } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { startService } from '@sproul/common/service';
import { createTestDatabase, infraAvailable, testLogger } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { fmt } from './stats.js';

const total = Number(process.env.BENCH_LOGINS ?? 200);
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

// PostgreSQL, as in production, when reachable; embedded PGlite otherwise (or with BENCH_DB=pglite).
const usePostgres = process.env.BENCH_DB !== 'pglite' && (await infraAvailable('postgres'));
const testDb = usePostgres ? await createTestDatabase('bench_login') : undefined;
const embedded = usePostgres ? undefined : await EmbeddedPostgres.open();
const database = testDb
  ? await openPostgres({ url: testDb.url, service: 'auth' })
  : embedded!.forService('auth');
const store = new MemoryStore();
const bus = new InProcessBus(testLogger());
const config = loadConfig(authService.config, {
  PORT: '0',
  LOG_LEVEL: 'silent',
  DATABASE_URL: testDb?.url,
  ADMIN_EMAIL: 'bench-admin@campus.test',
  ADMIN_PASSWORD: 'Bench-admin-1!',
  KEY_ENCRYPTION_SECRET: process.env.KEY_ENCRYPTION_SECRET || 'bench-key-encryption-secret',
});
const auth = await startService(authService, { logger: testLogger(), database, bus, store }, config);
if (testDb) await createAdminAccount(database, 'bench-admin@campus.test', 'Bench-admin-1!', testDb.url);
const admin = rowsOf<{ password_hash: string }>(
  await database.db.execute(sql`select password_hash from auth.accounts where role = 'admin'`),
)[0]!.password_hash;

async function run(concurrency: number, once: () => Promise<void>) {
  let next = 0;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) await once();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { perSecond: total / seconds, peakMb: (peak - before) / 1024 / 1024 };
}

const login = async () => {
  const res = await fetch(`${auth.url}/api/monitor/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench-admin@campus.test', password: 'Bench-admin-1!' }),
  });
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  await res.arrayBuffer();
};
const rawVerify = async () => {
  if (!(await verify(admin, 'Bench-admin-1!'))) throw new Error('verify failed');
};

await run(4, login);
await hash('warm-up', OPTIONS);
for (const concurrency of [1, 20]) {
  const raw = await run(concurrency, rawVerify);
  const http = await run(concurrency, login);
  console.log(
    `${String(concurrency).padStart(2)} concurrent: login ${fmt(http.perSecond, 1)}/s (peak RSS +${fmt(http.peakMb, 1)} MB), ` +
      `raw argon2id verify ${fmt(raw.perSecond, 1)}/s (peak RSS +${fmt(raw.peakMb, 1)} MB), login/raw ${fmt(http.perSecond / raw.perSecond, 2)}`,
  );
}
console.log(
  `login: ${usePostgres ? 'PostgreSQL' : 'PGlite'}; argon2id m=19 MiB t=2 p=1; libuv threads ${process.env.UV_THREADPOOL_SIZE ?? 4}; ${total} logins per figure`,
);
await auth.stop();
await bus.close();
await store.close();
await database.close();
await embedded?.close();
await testDb?.drop();
