// Club image uploads (`npm run bench:media`): 50 concurrent 2 MiB logo uploads through the gateway to
// the media service (each its own process, the gateway with one worker, media on a PostgreSQL
// database of its own), against an s3rver process, 50 clubs each uploading its logo at once.
// Measured side by side, each round:
// - the reference: plain S3 PUTs of the same bytes to the same store, 50 at a time, from this process;
// - noise logos (every byte is pixels: the most decoding and re-encoding a 2 MiB logo can cost), the
//   figure the target (≥ 0.5 of the reference) is about;
// - flat logos of the same size (a few pixels carrying the rest in a chunk decoders skip): the same
//   route with almost no image work, i.e. the most this machine lets any upload path reach.
// Also failures, CPU per upload of each process, and the media process's peak RSS (target ≤ 300 MB).
// BENCH_ROUNDS rounds of BENCH_UPLOADS uploads each; BENCH_PROFILE_MEDIA=dir writes media's CPU profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { tokenIssuer } from '@sproul/common/testing';
import pg from 'pg';
import { children, cpuSeconds, flatLogo, logo, peakRssMb, ready, start } from './media/processes.js';
import { freePort } from './ports.js';
import { fmt, median } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const concurrency = Number(process.env.BENCH_UPLOADS ?? 50);
const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-bench-media-'));
// As in the stack: media on its own PostgreSQL database (created by the service, dropped at the end).
const postgres = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
const database = `bench_media_${process.pid}`;
/** `count` uploads at once; answers uploads/s and how many failed. */
async function burst(count: number, send: (i: number) => Promise<boolean>) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => send(i)));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, failed: results.filter((ok) => !ok).length };
}

try {
  const [s3Port, mediaPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
  const auth = await tokenIssuer();
  const s3Endpoint = `http://127.0.0.1:${s3Port}`;
  const s3Env = {
    S3_ENDPOINT: s3Endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_BUCKET: 'bench-media',
  };
  const store = start('scripts/dist/s3-server.js', { ...s3Env, S3_PORT: String(s3Port), DATA_DIR: dataDir });
  const media = start('services/media/dist/start.js', {
    ...s3Env,
    PORT: String(mediaPort),
    DATABASE_URL: `${postgres}/${database}`,
    AUTH_URL: auth.url,
    MEDIA_CLEANUP_INTERVAL_MS: '0',
    EXEC_ARGS: process.env.MEDIA_PROF ? '--cpu-prof --cpu-prof-dir=/tmp/prof' : '',
  });
  const gateway = start('services/gateway/dist/start.js', {
    PORT: String(gatewayPort),
    GATEWAY_WORKERS: '1',
    MEDIA_URL: `http://127.0.0.1:${mediaPort}`,
    AUTH_URL: auth.url,
  });
  await ready(`http://127.0.0.1:${mediaPort}/healthz`);
  await ready(`http://127.0.0.1:${gatewayPort}/healthz`);
  const idleRss = peakRssMb(media.pid!);
  // Each club comes from its token's `club` claim (auth's word), as for a club media has not heard of.
  const tokens = await Promise.all(
    Array.from({ length: concurrency }, () => auth.token('officer', { club: crypto.randomUUID() })),
  );
  const noise = await Promise.all(Array.from({ length: concurrency }, (_, i) => logo(i)));
  const flat = await Promise.all(noise.map((bytes, i) => flatLogo(i, bytes.length)));
  console.log(
    `${concurrency} logos of ${fmt(noise[0]!.length / 1024)} KiB each, noise 800 × 800 and flat 512 × 512`,
  );

  const s3 = new S3Client({
    region: 'us-east-1',
    endpoint: s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const plainPut = (round: number) => (i: number) =>
    s3
      .send(
        new PutObjectCommand({
          Bucket: 'bench-media',
          Key: `plain/${round}/${i}.png`,
          Body: noise[i]!,
          ContentType: 'image/png',
        }),
      )
      .then(
        () => true,
        () => false,
      );
  const upload = (pictures: Buffer[]) => (i: number) => {
    const form = new FormData();
    form.set('logo', new Blob([new Uint8Array(pictures[i]!)], { type: 'image/png' }), 'logo.png');
    return fetch(`http://127.0.0.1:${gatewayPort}/api/admin/upload-logo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[i]}` },
      body: form,
    }).then(
      async (res) => res.status === 200 && (await res.json())['logo-url'] !== undefined,
      () => false,
    );
  };
  /** A burst of uploads, and the CPU each process spent per upload meanwhile. */
  const measuredBurst = async (pictures: Buffer[]) => {
    const processes = [media, gateway, store];
    const before = processes.map((child) => cpuSeconds(child.pid!));
    const result = await burst(concurrency, upload(pictures));
    const cpu = processes.map((child, i) => ((cpuSeconds(child.pid!) - before[i]!) / concurrency) * 1000);
    return { ...result, cpu: `media ${fmt(cpu[0]!)}, gateway ${fmt(cpu[1]!)}, s3rver ${fmt(cpu[2]!)}` };
  };

  await burst(5, plainPut(-1)); // warm-up
  await burst(5, upload(noise));
  await burst(5, upload(flat));
  const plain: number[] = [];
  const uploads: number[] = [];
  const flats: number[] = [];
  let failed = 0;
  for (let round = 0; round < rounds; round++) {
    const reference = await burst(concurrency, plainPut(round));
    const measured = await measuredBurst(noise);
    const bare = await measuredBurst(flat);
    plain.push(reference.perSecond);
    uploads.push(measured.perSecond);
    flats.push(bare.perSecond);
    failed += measured.failed + bare.failed + reference.failed;
    console.log(
      `round ${round + 1}: plain PUT ${fmt(reference.perSecond, 1)}/s; ` +
        `noise logos ${fmt(measured.perSecond, 1)}/s (CPU ms per upload: ${measured.cpu}); ` +
        `flat logos ${fmt(bare.perSecond, 1)}/s (${bare.cpu}); failed ${measured.failed + bare.failed}`,
    );
  }
  const ratio = median(uploads) / median(plain);
  const ceiling = median(flats) / median(plain);
  const rss = peakRssMb(media.pid!);
  console.log(
    `media uploads ${fmt(median(uploads), 1)}/s vs plain S3 PUT ${fmt(median(plain), 1)}/s: ratio ${fmt(ratio, 2)} (target ≥ 0.5); ` +
      `the same route with almost no image work: ${fmt(median(flats), 1)}/s, ratio ${fmt(ceiling, 2)}; ` +
      `failures ${failed} (target 0); media peak RSS ${fmt(rss)} MB (target ≤ 300; ${fmt(idleRss)} MB before the first upload)`,
  );
  s3.destroy();
  await auth.close();
  process.exitCode = failed === 0 && rss <= 300 ? 0 : 1;
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: `${postgres}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`).catch(() => {});
  await admin.end();
}
