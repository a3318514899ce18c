// The embedded bus (`npm start`): the in-memory in-process transport beside the durable one (queues in
// PGlite), on the full path (outbox, relay, inbox consumer), rounds interleaved. `npm run bench:bus:embedded`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { type EmbeddedTransport, openEmbeddedPipeline } from './bus/embedded-pipeline.js';
import { fmt, median, percentile } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const scale = Number(process.env.BENCH_SCALE ?? 1);
// On disk, as `npm start` runs it.
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-bus-embedded-'));
const embedded = await EmbeddedPostgres.open(dataDir);
const database = embedded.forService('bench');
await migrateDatabase(database, fileURLToPath(new URL('../drizzle', import.meta.url)));

async function throughput(transport: EmbeddedTransport, producers: number, count: number) {
  const pipeline = await openEmbeddedPipeline(embedded, database, transport);
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: producers }, async () => {
      while (next < count) await pipeline.produce(`order-${next++}`);
    }),
  );
  await pipeline.waitForEffects(count);
  const rate = count / ((performance.now() - started) / 1000);
  await pipeline.close();
  return rate;
}

async function steadyLatency(transport: EmbeddedTransport, perSecond: number, seconds: number) {
  const pipeline = await openEmbeddedPipeline(embedded, database, transport);
  const count = perSecond * seconds;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(pipeline.produce(`steady-${i}`));
  }
  await Promise.all(inFlight);
  await pipeline.waitForEffects(count);
  // The first second is warm-up.
  const latencies = pipeline.latencies().slice(perSecond);
  await pipeline.close();
  return latencies;
}

const results: Record<string, number[]> = { memory: [], durable: [] };
try {
  await throughput('memory', 8, 300);
  await throughput('durable', 8, 300);
  for (let round = 1; round <= rounds; round++) {
    for (const transport of ['memory', 'durable'] as const) {
      results[transport]!.push(await throughput(transport, 8, 2_000 * scale));
    }
    console.log(
      `round ${round}: memory=${fmt(results.memory!.at(-1)!)}/s durable=${fmt(results.durable!.at(-1)!)}/s`,
    );
  }
  const latency: Record<string, number[]> = {};
  for (const transport of ['memory', 'durable'] as const)
    latency[transport] = await steadyLatency(transport, 100, 6);
  console.log(`\nmedian of ${rounds} interleaved rounds, 8 producers, commit → consumer effect`);
  for (const transport of ['memory', 'durable'] as const) {
    const l = latency[transport]!;
    console.log(
      `${transport.padEnd(8)} ${fmt(median(results[transport]!)).padStart(7)} ev/s   steady 100 ev/s: p50 ${fmt(percentile(l, 50), 1)} ms, p99 ${fmt(percentile(l, 99), 1)} ms`,
    );
  }
  console.log(`durable/memory throughput: ${fmt(median(results.durable!) / median(results.memory!), 2)}`);
} finally {
  await embedded.close();
  rmSync(dataDir, { recursive: true, force: true });
}
