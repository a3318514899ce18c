import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RabbitMqBus } from '@sproul/common/bus/rabbitmq';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
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
import { freePort, launch, type Spawned, waitForHttp } from './support/processes.js';

const COUNT = 200;

/**
 * Forwards each send to the emulator at once but answers the mailer late: a SIGKILL then lands while
 * sends are accepted by "SES" and not yet recorded, the window exactly-once must cover.
 */
async function slowAnswers(target: string, delayMs: number) {
  const server = createServer((req, res) => {
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () =>
          setTimeout(
            () => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(chunks));
            },
            req.method === 'POST' ? delayMs : 0,
          ),
        );
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

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

  const startMailer = async () => {
    const port = await freePort();
    const spawned = launch(process.execPath, ['services/mailer/dist/start.js'], {
      env: {
        PORT: String(port),
        DATABASE_URL: database!.url,
        AMQP_URL: vhost!.url,
        SES_ENDPOINT: front.url,
        UNSUBSCRIBE_SECRET: 'crash-test-unsubscribe-secret',
        MAIL_PER_ADDRESS_PER_HOUR: '1000',
        MAIL_CONCURRENCY: '8',
        BUS_RETRY_DELAYS_MS: '200',
        LOG_LEVEL: 'warn',
      },
    });
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000, spawned);
    return spawned;
  };
  const sentIds = async () => {
    const { emails } = (await (await fetch(`${emulator.url}/store`)).json()) as {
      emails: { body: { html?: string } }[];
    };
    return emails.map((email) => email.body.html?.match(/X-Sproul-Delivery: ([0-9a-f-]{36})/)?.[1]);
  };

  it.skipIf(!available)('sends each exactly once after the restart', { timeout: 180_000 }, async () => {
    // A first start declares the mailer's queue; stopped, the events wait in it.
    mailer = await startMailer();
    await mailer.stop();
    const bus = await RabbitMqBus.connect({ url: vhost!.url, logger: testLogger() });
    await bus.waitUntilConnected();
    const events = Array.from({ length: COUNT }, (_, i) =>
      makeEvent(
        EmailRequestedV1,
        {
          to: `member-${i}@crash.test`,
          template: 'magic-link',
          variables: { magic_url: `http://127.0.0.1:8080/api/user/magic-link/t${i}` },
          userId: null,
        },
        'test',
      ),
    );
    await bus.publish(events);
    await bus.close();

    mailer = await startMailer();
    await eventually(async () => (await sentIds()).length >= COUNT / 4, 60_000, 10);
    process.kill(mailer.child.pid!, 'SIGKILL');
    await new Promise((resolve) => mailer!.child.once('exit', resolve));
    const atKill = (await sentIds()).length;
    expect(atKill).toBeLessThan(COUNT);
    const db = new pg.Client({ connectionString: database!.url });
    await db.connect();
    try {
      // The kill hit the window: "SES" accepted emails the log still calls `sending`.
      const { rows: inDoubt } = await db.query(
        `select count(*)::int as n from mailer.deliveries where status = 'sending'`,
      );
      expect(inDoubt[0].n).toBeGreaterThan(0);

      mailer = await startMailer();
      await eventually(async () => (await sentIds()).length >= COUNT, 120_000, 100);
      await eventually(
        async () => {
          const { rows } = await db.query(
            `select count(*)::int as n from mailer.deliveries where status = 'sent'`,
          );
          return rows[0].n === COUNT;
        },
        60_000,
        100,
      );
      const ids = await sentIds();
      expect(ids).toHaveLength(COUNT);
      expect(new Set(ids)).toEqual(new Set(events.map((event) => event.id)));
    } finally {
      await db.end();
    }
  });
});
