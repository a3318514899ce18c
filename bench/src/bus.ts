// Bus throughput and latency on RabbitMQ: the full pipeline (outbox, relay with confirms, inbox
// consumer) beside bare amqplib loops and beside the same guarantees done one event at a time,
// measured interleaved in one run. `npm run bench:bus`.
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openPostgres } from '@sproul/common/db';
import { createTestDatabase, infraUrls } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { bareLoop, durableLoop } from './bus/bare.js';
import { producerCeiling } from './bus/ceiling.js';
import { steadyLatency, throughput } from './bus/pipeline.js';
import { fmt, median, percentile } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const scale = Number(process.env.BENCH_SCALE ?? 1);
const testDb = await createTestDatabase('bench_bus');
const database = await openPostgres({ url: testDb.url, service: 'bench', poolSize: 16 });
await migrateDatabase(database, fileURLToPath(new URL('../drizzle', import.meta.url)), testDb.url);

const results: Record<string, number[]> = {
  bare: [],
  durable: [],
  full1: [],
  full8: [],
  straight8: [],
  ceiling8: [],
};
try {
  // Warm up connections, JIT and PostgreSQL's caches before measuring.
  await bareLoop(infraUrls.rabbitmq, 2_000);
  await throughput(database, infraUrls.rabbitmq, 8, 500);
  for (let round = 1; round <= rounds; round++) {
    results.bare!.push(await bareLoop(infraUrls.rabbitmq, 20_000 * scale));
    results.durable!.push(await durableLoop(infraUrls.rabbitmq, 10_000 * scale));
    results.full1!.push(await throughput(database, infraUrls.rabbitmq, 1, 2_000 * scale));
    results.full8!.push(await throughput(database, infraUrls.rabbitmq, 8, 6_000 * scale));
    results.straight8!.push(
      await throughput(database, infraUrls.rabbitmq, 8, 3_000 * scale, 'straightforward'),
    );
    results.ceiling8!.push(await producerCeiling(testDb.url, 8, 6_000 * scale));
    console.log(
      `round ${round}: ${Object.entries(results)
        .map(([k, v]) => `${k}=${fmt(v.at(-1)!)}/s`)
        .join(' ')}`,
    );
  }
  // The throughput rounds leave PostgreSQL a burst of WAL to checkpoint; the steady-load figure should
  // describe steady state, so flush that first (superuser only; skipped otherwise).
  await database.db
    .execute(sql`checkpoint`)
    .catch(() => console.log('(checkpoint skipped: not a superuser)'));
  const latencies = await steadyLatency(database, infraUrls.rabbitmq, 150, 10);
  const bare = median(results.bare!);
  const row = (name: string, key: string) =>
    `${name.padEnd(44)} ${fmt(median(results[key]!)).padStart(8)} ev/s   ${fmt(median(results[key]!) / bare, 3)}× bare`;
  console.log('\nmedian of', rounds, 'interleaved rounds, commit → consumer effect');
  console.log(row('bare amqplib (no confirms, auto-ack)', 'bare'));
  console.log(row('amqplib durable + confirms + manual acks', 'durable'));
  console.log(row('outbox + relay + inbox, 1 producer', 'full1'));
  console.log(row('outbox + relay + inbox, 8 producers', 'full8'));
  console.log(row('straightforward (one event per tx), 8 prod.', 'straight8'));
  console.log(row('ceiling: 8 producers’ commits alone, raw pg', 'ceiling8'));
  console.log(
    `steady 150 ev/s for 10 s (after 2 s warm-up and a checkpoint): p50 ${fmt(percentile(latencies, 50), 1)} ms, p99 ${fmt(percentile(latencies, 99), 1)} ms, max ${fmt(Math.max(...latencies), 1)} ms`,
  );
  console.log(
    `bus: bare=${fmt(bare)} full8/straightforward8=${fmt(median(results.full8!) / median(results.straight8!), 2)} ceiling8/bare=${fmt(median(results.ceiling8!) / bare, 3)} full8/bare=${fmt(median(results.full8!) / bare, 3)} full1/bare=${fmt(median(results.full1!) / bare, 3)} p99=${fmt(percentile(latencies, 99), 1)}ms`,
  );
} finally {
  await database.close();
  await testDb.drop();
}
