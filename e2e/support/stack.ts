import { once } from 'node:events';
import { eventually, infraUrls } from '@sproul/common/testing';
import pg from 'pg';
import { expect } from 'vitest';
import type { ApiAnswer } from './platform.js';
import { launch } from './processes.js';

// What the tests that run `npm run stack` (real PostgreSQL, RabbitMQ, Redis) share.

/** The services `npm run stack` gives a database each (`<STACK_DB_PREFIX>_<service>`). */
export const STACK_SERVICES = ['auth', 'catalog', 'engagement', 'mailer', 'media', 'monitor', 'recommender'];

/**
 * `npm run stack` (with `args`) on the gateway port `port`, its databases named after `prefix`, its
 * queues in the test's own vhost; `env` adds to or overrides the settings every such test needs.
 */
export function launchStack(
  options: { port: number; prefix: string; amqpUrl: string; args?: string[] },
  env: Record<string, string> = {},
) {
  return launch('npm', ['run', 'stack', ...(options.args ? ['--', ...options.args] : [])], {
    env: {
      PORT: String(options.port),
      STACK_DB_PREFIX: options.prefix,
      LOG_LEVEL: 'warn',
      POSTGRES_URL: infraUrls.postgres,
      AMQP_URL: options.amqpUrl,
      REDIS_URL: infraUrls.redis,
      // Auth refuses to keep its signing keys unsealed on a database server.
      KEY_ENCRYPTION_SECRET: 'stack-test-key-encryption-secret',
      ...env,
    },
  });
}

/** Drops the databases a test's stack made under its own prefix (connections to them are cut). */
export async function dropStackDatabases(prefix: string) {
  const admin = new pg.Client({ connectionString: `${infraUrls.postgres}/postgres` });
  await admin.connect();
  try {
    for (const service of STACK_SERVICES) {
      await admin.query(`drop database if exists ${prefix}_${service} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

/** An admin in the stack's auth database, as an operator creates one (`npm run admin:create`). */
export async function createStackAdmin(prefix: string, admin: { email: string; password: string }) {
  const run = launch(process.execPath, ['scripts/dist/admin-create.js', '--email', admin.email], {
    env: { DATABASE_URL: `${infraUrls.postgres}/${prefix}_auth`, ADMIN_PASSWORD: admin.password },
  });
  const [code] = (await once(run.child, 'exit')) as [number | null];
  expect(code, run.output()).toBe(0);
}

/** Calls until the answer is a 200 (returned); on time-out, fails with the last answer. */
export async function answers200(call: () => Promise<ApiAnswer>, timeoutMs = 30_000) {
  let last: ApiAnswer | undefined;
  try {
    return await eventually(
      async () => {
        last = await call();
        return last.status === 200 ? last : undefined;
      },
      timeoutMs,
      250,
    );
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; last answer ${last?.status}: ${JSON.stringify(last?.body)}`,
    );
  }
}
