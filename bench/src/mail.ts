// Mail throughput, `node scripts/bootstrap.mjs run bench/dist/mail.js` (part of bench:media once the
// integrator wires it): EmailRequested committed to an outbox → relay → durable in-process bus (PGlite
// on disk, as `npm start`) → the mailer (claim, render, SES call, record) → the SES emulator, beside the
// bare loop of SES calls to the same emulator with the same concurrency. Rounds interleaved.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DurableInProcessBus } from '@sproul/common/bus/durable';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import { createLogger } from '@sproul/common/logging';
import { startService } from '@sproul/common/service';
import { configSchema, defineMailerService, sesMailProvider, startSesEmulator } from '@sproul/mailer';
import { fmt, median } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const count = Number(process.env.BENCH_EMAILS ?? 500);
const concurrency = 8;
const emulator = await startSesEmulator();
const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-mail-'));
const embedded = await EmbeddedPostgres.open(dataDir);
const logger = createLogger('bench', 'silent');
const bus = await DurableInProcessBus.open(embedded.client, logger);
const env = {
  SES_ENDPOINT: emulator.url,
  MAIL_PER_ADDRESS_PER_HOUR: '10000',
  MAIL_CONCURRENCY: String(concurrency),
};
const config = loadConfig(configSchema, { ...env, PORT: '0', LOG_LEVEL: 'silent' });
const ses = sesMailProvider(config);
let accepted = 0;
const mailer = await startService(
  defineMailerService({
    provider: (real) => ({ ...real, send: (email) => real.send(email).finally(() => accepted++) }),
  }),
  { logger, database: embedded.forService('mailer'), bus, store: new MemoryStore() },
  config,
);
const outbox = mailer.parts.outbox;
const email = (i: number, round: string) => ({
  to: `bench-${round}-${i}@bench.test`,
  template: 'magic-link' as const,
  variables: { magic_url: `http://127.0.0.1:8080/api/user/magic-link/${round}-${i}` },
  userId: null,
});

/** SES calls per second with nothing in front: `concurrency` loops sending rendered-size emails. */
async function bare(round: string) {
  const html = `<html><body>${'x'.repeat(10_000)}</body></html>`;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const { to } = email(i, round);
        await ses.send({
          deliveryId: crypto.randomUUID(),
          from: config.MAIL_FROM,
          to,
          subject: 'Bench',
          html,
          text: 'x',
        });
      }
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/** Events per second from their commit (one transaction each, 8 producers) to SES having answered. */
async function pipeline(round: string) {
  const target = accepted + count;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const event = makeEvent(EmailRequestedV1, email(next++, round), 'bench');
        await outbox.transaction((tx) => outbox.append(tx, [event]));
      }
    }),
  );
  while (accepted < target) await new Promise((resolve) => setTimeout(resolve, 5));
  return count / ((performance.now() - started) / 1000);
}

const results = { bare: [] as number[], mailer: [] as number[] };
try {
  await bare('warm');
  await pipeline('warm');
  for (let round = 1; round <= rounds; round++) {
    results.bare.push(await bare(`b${round}`));
    results.mailer.push(await pipeline(`m${round}`));
    console.log(
      `round ${round}: bare SES loop ${fmt(results.bare.at(-1)!)}/s, mailer ${fmt(results.mailer.at(-1)!)}/s`,
    );
  }
  const [b, m] = [median(results.bare), median(results.mailer)];
  console.log(`\nmedian of ${rounds} rounds, ${count} emails each, ${concurrency} at once`);
  console.log(`bare SES emulator loop  ${fmt(b).padStart(6)} emails/s`);
  console.log(`EmailRequested → SES    ${fmt(m).padStart(6)} events/s   (${fmt(m / b, 2)} of the bare loop)`);
} finally {
  await mailer.stop();
  await bus.close();
  await embedded.close();
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
}
