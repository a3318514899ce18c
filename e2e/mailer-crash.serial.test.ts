import { RabbitMqBus } from '@sproul/common/bus/rabbitmq';
import {
  createTestDatabase,
  createTestVhost,
  eventually,
  infraAvailable,
  testLogger,
} from '@sproul/common/testing';
import { startSesEmulator } from '@sproul/mailer';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedDeliveryIds, magicLinkRequests, slowAnswers, startMailerProcess } from './support/mail.js';
import type { Spawned } from './support/processes.js';

const COUNT = 200;

describe('the mailer killed (SIGKILL) while 200 emails are queued on RabbitMQ', async () => {
  const available = await infraAvailable('postgres', 'rabbitmq');
  const vhost = available ? await createTestVhost('mailer_crash') : undefined;
  const database = available ? await createTestDatabase('mailer_crash') : undefined;
  const emulator = await startSesEmulator();
  const front = await slowAnswers(emulator.url, 150);
  let mailer: Spawned | undefined;

  afterAll(async () => {
    await mailer?.stop();
    front.close();
    await emulator.close();
    await vhost?.drop();
    await database?.drop();
  });

  const startMailer = () =>
    startMailerProcess({
      DATABASE_URL: database!.url,
      AMQP_URL: vhost!.url,
      SES_ENDPOINT: front.url,
      MAIL_PER_ADDRESS_PER_HOUR: '1000',
      BUS_RETRY_DELAYS_MS: '200',
    });
  const sent = () => acceptedDeliveryIds(emulator.url);
  const countOf = async (db: pg.Client, status: string) =>
    (await db.query('select count(*)::int as n from mailer.deliveries where status = $1', [status])).rows[0]
      .n;

  it.skipIf(!available)('sends each exactly once after the restart', { timeout: 180_000 }, async () => {
    // A first start declares the mailer's queue; stopped, the events wait in it.
    mailer = await startMailer();
    await mailer.stop();
    const bus = await RabbitMqBus.connect({ url: vhost!.url, logger: testLogger() });
    await bus.waitUntilConnected();
    const events = magicLinkRequests(COUNT);
    await bus.publish(events);
    await bus.close();

    mailer = await startMailer();
    await eventually(async () => (await sent()).length >= COUNT / 4, 60_000, 10);
    process.kill(mailer.child.pid!, 'SIGKILL');
    await new Promise((resolve) => mailer!.child.once('exit', resolve));
    expect((await sent()).length).toBeLessThan(COUNT);
    const db = new pg.Client({ connectionString: database!.url });
    await db.connect();
    try {
      // The kill hit the window: "SES" accepted emails the log still calls `sending`.
      expect(await countOf(db, 'sending')).toBeGreaterThan(0);

      mailer = await startMailer();
      await eventually(async () => (await countOf(db, 'sent')) === COUNT, 120_000, 100);
      const ids = await sent();
      expect(ids).toHaveLength(COUNT);
      expect(new Set(ids)).toEqual(new Set(events.map((event) => event.id)));
    } finally {
      await db.end();
    }
  });
});
