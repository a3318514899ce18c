import { randomBytes } from 'node:crypto';
import { infraAvailable, infraUrls } from '@sproul/common/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePortRange, launch, type Spawned, waitForHttp } from './support/processes.js';

const SERVICES = ['auth', 'catalog', 'mailer', 'media', 'monitor', 'recommender'];

describe('npm run stack (a process per service, real PostgreSQL and RabbitMQ)', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq', 'redis');
  const prefix = `test_stack_${randomBytes(3).toString('hex')}`;
  let stack: Spawned | undefined;

  afterAll(async () => {
    await stack?.stop();
    if (!available) return;
    const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
    await admin.connect();
    for (const service of SERVICES)
      await admin.query(`drop database if exists ${prefix}_${service} with (force)`);
    await admin.end();
  });

  it.skipIf(!available)(
    'starts every service as its own process, each with its own database, all ready',
    { timeout: 90_000 },
    async () => {
      // The gateway's port and the six after it (the services'), all free.
      const port = await freePortRange(7);
      stack = launch('npm', ['run', 'stack'], {
        env: {
          PORT: String(port),
          STACK_DB_PREFIX: prefix,
          LOG_LEVEL: 'warn',
          POSTGRES_URL: infraUrls.postgres,
          AMQP_URL: infraUrls.rabbitmq,
          REDIS_URL: infraUrls.redis,
          // Auth refuses to keep its signing keys unsealed on a database server.
          KEY_ENCRYPTION_SECRET: 'stack-test-key-encryption-secret',
        },
      });
      // The gateway's readiness is on its internal listener (PORT + 1000), not its public port.
      await waitForHttp(`http://127.0.0.1:${port + 1000}/readyz`, 60_000, stack);
      const ready = await (await fetch(`http://127.0.0.1:${port + 1000}/readyz`)).json();
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(404);
      expect(Object.keys(ready.checks).sort()).toEqual(SERVICES);

      // Each service is its own process with its own database, and its own readiness says so.
      const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
      await admin.connect();
      const { rows } = await admin.query(`select datname from pg_database where datname like $1 order by 1`, [
        `${prefix}_%`,
      ]);
      await admin.end();
      expect(rows.map((r) => r.datname)).toEqual(SERVICES.map((s) => `${prefix}_${s}`));
      const auth = await (await fetch(`http://127.0.0.1:${port + 1}/readyz`)).json();
      expect(auth).toMatchObject({
        service: 'auth',
        ready: true,
        checks: { database: { ok: true }, bus: { ok: true } },
      });

      const unknown = await fetch(`http://127.0.0.1:${port}/api/catalog/nothing`);
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).status).toBe('error');

      // The development sign-on provider is the embedded mode's alone: here student sign-on waits
      // for a real provider (OIDC_ISSUER).
      const signOn = await fetch(`http://127.0.0.1:${port}/api/student/login`, { redirect: 'manual' });
      expect(signOn.status).toBe(503);
      expect(await signOn.json()).toMatchObject({ reason: 'Single sign-on is not configured' });
      // The home page is there in every mode, without demo accounts.
      const home = await (await fetch(`http://127.0.0.1:${port}/`)).text();
      expect(home).toContain('<a href="/api/docs">');
      expect(home).not.toContain('Demo accounts');
    },
  );
});
