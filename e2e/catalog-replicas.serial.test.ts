import { randomBytes, randomUUID } from 'node:crypto';
import { RabbitMqBus } from '@sproul/common/bus/rabbitmq';
import { makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { createTestVhost, eventually, infraAvailable, infraUrls, testLogger } from '@sproul/common/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePortRange, type Spawned, waitForHttp } from './support/processes.js';
import { dropStackDatabases, launchStack } from './support/stack.js';

const COUNT = 1_000;
/**
 * `npm run stack -- --replicas catalog=3`: three catalog processes compete on the catalog's one queue.
 * 1 000 registrations (each creates a club, whose ClubCreated goes out through the outbox) published on
 * RabbitMQ; one replica is killed with SIGKILL while they are applied. Every club exists once, and each
 * announcement was written once.
 */
describe('three catalog replicas on the stack, one killed mid-run', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq', 'redis');
  const prefix = `test_replicas_${randomBytes(3).toString('hex')}`;
  const vhost = available ? await createTestVhost('replicas') : undefined;
  let stack: Spawned | undefined;

  afterAll(async () => {
    await stack?.stop();
    await vhost?.drop();
    if (!available) return;
    await dropStackDatabases(prefix);
  });

  it.skipIf(!available)('applies every event exactly once in effect', { timeout: 300_000 }, async () => {
    // The gateway, the services after it, and the catalog's further replicas at PORT + 30 and + 31.
    const port = await freePortRange(40);
    stack = launchStack(
      { port, prefix, amqpUrl: vhost!.url, args: ['--replicas', 'catalog=3'] },
      { STACK_RESTART_BASE_MS: '200', GATEWAY_WORKERS: '1' },
    );
    await waitForHttp(`http://127.0.0.1:${port + 1000}/readyz`, 150_000, stack);
    for (const replica of [port + 2, port + 30, port + 31]) {
      await waitForHttp(`http://127.0.0.1:${replica}/readyz`, 60_000, stack);
    }

    const bus = await RabbitMqBus.connect({ url: vhost!.url, logger: testLogger() });
    await bus.waitUntilConnected();
    const owners = Array.from({ length: COUNT }, () => randomUUID());
    const club = (n: number) => ({
      name: `Replica club ${n}`,
      tags: [1],
      num_users: 0,
      app_required: false,
      new_members: true,
      apply_deadline_start: null,
      apply_deadline_end: null,
      recruiting_start: null,
      recruiting_end: null,
    });
    const events = owners.map((userId, n) =>
      makeEvent(
        UserRegisteredV1,
        { userId, email: `replica${n}@berkeley.edu`, role: 'officer', name: `Officer ${n}`, club: club(n) },
        'auth',
      ),
    );
    for (let at = 0; at < COUNT; at += 100) await bus.publish(events.slice(at, at + 100));
    await bus.close();

    const db = new pg.Client({ connectionString: `${infraUrls.postgres}/${prefix}_catalog` });
    await db.connect();
    const count = async (query: string) => (await db.query(query)).rows[0].n as number;
    const clubs = () =>
      count(`select count(*)::int as n from catalog.clubs where name like 'Replica club %'`);
    try {
      await eventually(async () => (await clubs()) >= COUNT / 4, 120_000, 20);
      // The second replica's pid, from the supervisor's latest log line for it: "catalog-2   | started
      // (pid 1234)". Latest: a replica the supervisor restarted (it failed at start, on a loaded machine)
      // has a line per start, and the first pid is gone (ESRCH in CI once).
      const latestPid = () =>
        Number([...stack!.output().matchAll(/catalog-2\s+\| started \(pid (\d+)\)/g)].at(-1)?.[1]);
      await eventually(() => {
        try {
          process.kill(latestPid(), 'SIGKILL');
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
          throw error;
        }
      }, 10_000);
      expect(await clubs()).toBeLessThan(COUNT);
      await eventually(() => /catalog-2\s+\| exited \(SIGKILL\)/.test(stack!.output()), 10_000);

      await eventually(async () => (await clubs()) === COUNT, 180_000, 200);
      expect(
        await count(
          `select count(distinct owner_user_id)::int as n from catalog.clubs where name like 'Replica club %'`,
        ),
      ).toBe(COUNT);
      // Each registration applied once: one inbox row each, one ClubCreated each (in each of its two
      // contract versions, published side by side).
      const ids = events.map((event) => event.id);
      expect(
        (await db.query('select count(*)::int as n from catalog.inbox where event_id = any($1)', [ids]))
          .rows[0].n,
      ).toBe(COUNT);
      expect(
        await count(
          `select count(*)::int as n from catalog.outbox where type = 'ClubCreated' and version = 1 and payload->'data'->'club'->>'name' like 'Replica club %'`,
        ),
      ).toBe(COUNT);
      // Every replica took a share of the queue.
      expect(stack.output()).toMatch(/catalog-3\s+\| started/);
    } finally {
      await db.end();
    }
  });
});
