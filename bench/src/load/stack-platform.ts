// `npm run stack` for a load run: every service its own process on the machine's PostgreSQL, RabbitMQ
// and Redis, with databases under a prefix of this run's own and queues in a vhost of its own (others
// run tests on the same servers), torn down afterwards.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  createTestVhost,
  freePort,
  freePortRange,
  infraUrls,
  launchGroup,
  waitForHttp,
} from '@sproul/common/testing';
import pg from 'pg';
import { groupRss } from './group-rss.js';
import { type LoadPlatform, loadSettings } from './platform.js';

const run = promisify(execFile);
/** Port order of `npm run stack` (scripts/src/service-names.ts): the gateway's port + 1, + 2, … */
const SERVICES = ['auth', 'catalog', 'media', 'mailer', 'recommender', 'monitor', 'engagement'];

export async function startStack(root: string): Promise<LoadPlatform> {
  const prefix = `bench_load_${process.pid}`;
  const vhost = await createTestVhost('bench_load');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-bench-load-stack-'));
  // The gateway, seven services, S3 (+10) and the SES emulator (+15).
  const port = await freePortRange(16);
  const internalPort = await freePort();
  const admin = { email: 'load-admin@campus.test', password: 'Load-admin-pass-42!' };
  const group = launchGroup(process.execPath, ['scripts/dist/stack.js'], {
    cwd: root,
    env: {
      ...loadSettings,
      PORT: String(port),
      INTERNAL_PORT: String(internalPort),
      STACK_DB_PREFIX: prefix,
      POSTGRES_URL: infraUrls.postgres,
      AMQP_URL: vhost.url,
      REDIS_URL: infraUrls.redis,
      KEY_ENCRYPTION_SECRET: 'bench-load-key-encryption-secret',
      RATE_LIMIT_PREFIX: `bench-load-${process.pid}`,
      DATA_DIR: dataDir,
    },
  });
  const internal = `http://127.0.0.1:${internalPort}`;
  const cleanUp = async () => {
    await group.stop();
    const client = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
    await client.connect();
    for (const service of SERVICES) {
      await client.query(`drop database if exists ${prefix}_${service} with (force)`).catch(() => {});
    }
    await client.end();
    await vhost.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${internal}/readyz`, 180_000, group);
    // An admin, as an operator makes one (`npm run admin:create`).
    await run(process.execPath, ['scripts/dist/admin-create.js', '--email', admin.email], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `${infraUrls.postgres}/${prefix}_auth`,
        ADMIN_PASSWORD: admin.password,
      },
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    mode: 'stack',
    url: `http://127.0.0.1:${port}`,
    admin,
    // Memory from /proc, summed over each service's processes (the gateway's primary and workers).
    processes: [
      {
        name: 'gateway',
        metricsUrl: `${internal}/metrics`,
        rss: () => groupRss(group.child.pid!, 'services/gateway/dist/start.js'),
      },
      ...SERVICES.map((name, i) => ({
        name,
        metricsUrl: `http://127.0.0.1:${port + i + 1}/metrics`,
        rss: () => groupRss(group.child.pid!, `services/${name}/dist/start.js`),
      })),
    ],
    async sentMail() {
      const answer = await fetch(`http://127.0.0.1:${port + 15}/store`);
      const { emails } = (await answer.json()) as {
        emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
      };
      return emails.map((email) => ({
        to: email.destination.to[0] ?? '',
        subject: email.subject,
        text: email.body.text ?? '',
      }));
    },
    async insertClubs(write) {
      const client = new pg.Client({ connectionString: `${infraUrls.postgres}/${prefix}_catalog` });
      await client.connect();
      try {
        await write((text, values) => client.query(text, values as unknown[]));
        // As autovacuum would have by now: statistics, and the visibility map that lets counts use an index.
        await client.query('vacuum analyze');
      } finally {
        await client.end();
      }
      // The catalog may have cached a list page while starting (readiness): a restart of the catalog
      // alone would be the honest way; no page is read before this, so the cache holds none.
    },
    stop: cleanUp,
  };
}
