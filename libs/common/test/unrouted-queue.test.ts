import { Writable } from 'node:stream';
import amqp from 'amqplib';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { RabbitMqBus } from '../src/bus/rabbitmq/rabbitmq-bus.js';
import { unroutedDropped } from '../src/bus/rabbitmq/unrouted.js';
import { EmailRequestedV1 } from '../src/events/contracts/email-requested.js';
import { makeEvent } from '../src/events/make-event.js';
import { createTestVhost, eventually, infraAvailable } from '../src/testing/index.js';

const EXCHANGE = 'sproul.events';
const SECRET = 'live-single-use-token-4f9a';
const emailEvent = (i: number) =>
  makeEvent(
    EmailRequestedV1,
    {
      to: `officer${i}@berkeley.edu`,
      template: 'magic-link',
      variables: { login_url: `https://sproul.club/api/user/magic/${SECRET}-${i}` },
      userId: null,
    },
    'unrouted-test',
  );

// Events nobody is bound for (the mailer not deployed yet) must not pile up on the broker: the
// unrouted queue is bounded in time and length, and what it drops is counted and logged.
describe('the unrouted queue, on the real RabbitMQ in a vhost of its own', async () => {
  const available = await infraAvailable('rabbitmq');
  const vhost = available ? await createTestVhost('unrouted') : undefined;
  afterAll(async () => {
    await vhost?.drop();
  });

  it.skipIf(!available)(
    'replaces the old unbounded queue, keeps at most N events for a while, and counts and logs each drop',
    async () => {
      // A broker as the previous version left it: the unbounded queue, with an event in it.
      const connection = await amqp.connect(vhost!.url);
      const channel = await connection.createChannel();
      await channel.assertExchange(`${EXCHANGE}.unrouted`, 'fanout', { durable: true });
      await channel.assertQueue(`${EXCHANGE}.unrouted`, { durable: true });
      await channel.bindQueue(`${EXCHANGE}.unrouted`, `${EXCHANGE}.unrouted`, '');
      await channel.assertExchange(EXCHANGE, 'topic', {
        durable: true,
        alternateExchange: `${EXCHANGE}.unrouted`,
      });
      channel.publish(EXCHANGE, 'email.requested.v1', Buffer.from('{}'));

      const logged: string[] = [];
      const logger = pino(
        { level: 'warn' },
        new Writable({
          write(chunk, _encoding, done) {
            logged.push(String(chunk));
            done();
          },
        }),
      );
      const before = (await unroutedDropped.get()).values.reduce((sum, v) => sum + v.value, 0);
      const bus = await RabbitMqBus.connect({
        url: vhost!.url,
        logger,
        unrouted: { ttlMs: 300, maxLength: 3 },
      });
      try {
        // Declaring must work where the unbounded queue exists (its arguments cannot be changed).
        await bus.waitUntilConnected();
        await bus.publish(Array.from({ length: 8 }, (_, i) => emailEvent(i)));
        const depth = async (queue: string) => (await channel.checkQueue(queue)).messageCount;
        expect(await depth(`${EXCHANGE}.unrouted.bounded`)).toBeLessThanOrEqual(3);

        // Five dropped at once for the length, three more when they expire: each counted and logged.
        const dropped = async () =>
          (await unroutedDropped.get()).values.reduce((sum, v) => sum + v.value, 0) - before;
        await eventually(async () => (await dropped()) === 8, 10_000);
        await eventually(async () => (await depth(`${EXCHANGE}.unrouted.bounded`)) === 0);
        const reasons = (await unroutedDropped.get()).values.map((v) => [v.labels.reason, v.value]);
        expect(reasons).toEqual(
          expect.arrayContaining([
            ['maxlen', 5],
            ['expired', 3],
          ]),
        );
        const lines = logged.filter((line) => line.includes('unrouted event dropped'));
        expect(lines).toHaveLength(8);
        expect(JSON.parse(lines[0]!)).toMatchObject({
          type: 'EmailRequested',
          routingKey: 'email.requested.v1',
        });
        // The log says which event, never what it carried.
        expect(logged.join('\n')).not.toContain(SECRET);

        // The old unbounded queue is gone, with the event it held.
        const probe = await connection.createChannel();
        probe.on('error', () => {});
        await expect(probe.checkQueue(`${EXCHANGE}.unrouted`)).rejects.toThrow(/NOT_FOUND/);

        // Other bounds later (a config change) cannot be applied to the existing queue: said, not fatal.
        const other = await RabbitMqBus.connect({ url: vhost!.url, logger, unrouted: { ttlMs: 999 } });
        await other.waitUntilConnected();
        await other.publish([emailEvent(9)]);
        await other.close();
        expect(logged.join('\n')).toContain('the unrouted queue exists with other bounds');
      } finally {
        await bus.close();
        await connection.close().catch(() => {});
      }
    },
  );
});
