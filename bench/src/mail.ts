// Mail throughput, `npm run bench:mail`: EmailRequested
// committed to an outbox → relay → durable in-process bus (PGlite on disk, as `npm start`) → the mailer
// (claim, render, SES call, record) → the SES emulator, beside the bare loop of SES calls to the same
// emulator with the same concurrency. Rounds interleaved; BENCH_ROUNDS, BENCH_EMAILS.
import { loadConfig } from '@sproul/common/config';
import { configSchema, sesMailProvider, startSesEmulator } from '@sproul/mailer';
import { bareSesLoop } from './mail/bare-ses-loop.js';
import { openMailPipeline } from './mail/mail-pipeline.js';
import { fmt, median } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const count = Number(process.env.BENCH_EMAILS ?? 500);
const concurrency = 8;
const emulator = await startSesEmulator();
const config = loadConfig(configSchema, {
  SES_ENDPOINT: emulator.url,
  MAIL_PER_ADDRESS_PER_HOUR: '10000',
  MAIL_CONCURRENCY: String(concurrency),
  PORT: '0',
  LOG_LEVEL: 'silent',
});
const ses = sesMailProvider(config);
const pipeline = await openMailPipeline(config);

const results = { bare: [] as number[], mailer: [] as number[] };
try {
  await bareSesLoop(ses, config.MAIL_FROM, count, concurrency, 'warm-b');
  await pipeline.run(count, concurrency, 'warm-m');
  for (let round = 1; round <= rounds; round++) {
    results.bare.push(await bareSesLoop(ses, config.MAIL_FROM, count, concurrency, `b${round}`));
    results.mailer.push(await pipeline.run(count, concurrency, `m${round}`));
    console.log(
      `round ${round}: bare SES loop ${fmt(results.bare.at(-1)!)}/s, mailer ${fmt(results.mailer.at(-1)!)}/s`,
    );
  }
  const [bare, mailer] = [median(results.bare), median(results.mailer)];
  console.log(`\nmedian of ${rounds} rounds, ${count} emails each, ${concurrency} at once`);
  console.log(`bare SES emulator loop  ${fmt(bare).padStart(6)} emails/s`);
  console.log(
    `EmailRequested → SES    ${fmt(mailer).padStart(6)} events/s   (${fmt(mailer / bare, 2)} of the bare loop)`,
  );
} finally {
  await pipeline.close();
  await emulator.close();
}
