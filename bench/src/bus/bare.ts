import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import amqp from 'amqplib';

const events = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeEvent(
      UserRegisteredV1,
      { userId: `u${i}`, email: `u${i}@berkeley.edu`, role: 'student', name: null, club: null },
      'bench',
    ),
  );

/**
 * The same events over plain amqplib: serialised, routed through a topic exchange, parsed by the
 * consumer; but no confirms, transient messages, auto-ack, no database. The ceiling for anything on top.
 */
export async function bareLoop(url: string, count: number, durable = false): Promise<number> {
  const connection = await amqp.connect(url, { noDelay: true });
  const publisher = durable ? await connection.createConfirmChannel() : await connection.createChannel();
  const consumer = await connection.createChannel();
  const exchange = `bench.bare.${randomBytes(3).toString('hex')}`;
  await publisher.assertExchange(exchange, 'topic', { durable, autoDelete: true });
  const { queue } = await consumer.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
  await consumer.bindQueue(queue, exchange, UserRegisteredV1.routingKey);
  if (durable) await consumer.prefetch(200);
  const batch = events(count);
  let received = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.consume(
      queue,
      (message) => {
        JSON.parse(message!.content.toString('utf8'));
        if (durable) consumer.ack(message!);
        if (++received === count) resolve();
      },
      { noAck: !durable },
    );
  });
  const started = performance.now();
  const confirms: Promise<void>[] = [];
  for (const event of batch) {
    const body = Buffer.from(JSON.stringify(event));
    if (durable) {
      confirms.push(
        new Promise((resolve, reject) =>
          publisher.publish(exchange, UserRegisteredV1.routingKey, body, { persistent: true }, (error) =>
            error ? reject(error) : resolve(),
          ),
        ),
      );
      if (confirms.length >= 500) await Promise.all(confirms.splice(0));
    } else if (!publisher.publish(exchange, UserRegisteredV1.routingKey, body)) {
      await once(publisher, 'drain');
    }
  }
  await Promise.all(confirms);
  await done;
  const seconds = (performance.now() - started) / 1000;
  await connection.close();
  return count / seconds;
}

/** amqplib with durability: persistent messages, publisher confirms, manual acks. */
export const durableLoop = (url: string, count: number) => bareLoop(url, count, true);
