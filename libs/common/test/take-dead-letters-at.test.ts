import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { takeDeadLettersAt } from '../src/bus/rabbitmq/index.js';
import { queueNames } from '../src/bus/rabbitmq/topology.js';
import { infraAvailable, infraUrls } from '../src/testing/index.js';

// The chaos run's look at what a service gave up on, from outside the services (scripts/src/chaos).
describe('takeDeadLettersAt', async () => {
  const available = await infraAvailable('rabbitmq');

  it.skipIf(!available)(
    "takes a queue's dead letters with the bus's record of why, and leaves none",
    async () => {
      const service = `dlat-${randomBytes(4).toString('hex')}`;
      const dead = queueNames(service).dead;
      const model = await amqp.connect(infraUrls.rabbitmq);
      const channel = await model.createConfirmChannel();
      try {
        await channel.assertQueue(dead, { durable: true });
        const envelope = { id: 'a1b2', type: 'ClubUpdated', version: 1, data: {} };
        channel.sendToQueue(dead, Buffer.from(JSON.stringify(envelope)), {
          headers: {
            'x-attempt': 3,
            'x-routing-key': 'club.updated.v1',
            'x-error': 'handler refused a1b2 (try 3)',
            'x-dead-at': '2026-12-06T06:00:00.000Z',
          },
        });
        await channel.waitForConfirms();

        const letters = await takeDeadLettersAt(infraUrls.rabbitmq, service);
        expect(letters).toEqual([
          {
            body: envelope,
            routingKey: 'club.updated.v1',
            error: 'handler refused a1b2 (try 3)',
            attempts: 3,
            deadAt: '2026-12-06T06:00:00.000Z',
          },
        ]);
        expect(await takeDeadLettersAt(infraUrls.rabbitmq, service)).toEqual([]);
      } finally {
        await channel.deleteQueue(dead).catch(() => {});
        await model.close();
      }
    },
  );
});
