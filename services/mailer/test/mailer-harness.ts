import { randomUUID } from 'node:crypto';
import { EmailRequestedV1, makeEvent } from '@sproul/common/events';
import { bootService, eventually, openStorage, type Storage } from '@sproul/common/testing';
import { eq } from 'drizzle-orm';
import { deliveries } from '../src/data-access/schema.js';
import { defineMailerService, type MailerOptions, startSesEmulator } from '../src/index.js';
import { faultFront } from './fault-front.js';

export interface StoredEmail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** The mailer on an in-process bus, sending to the SES emulator through a fault-injecting front. */
export async function startMailerHarness(
  kind: Storage['kind'] = 'embedded',
  config: Record<string, string> = {},
  options: MailerOptions = {},
  /** The time the mailer is told it is (bulk tests drive the rate with it). */
  clock?: () => Date,
) {
  const emulator = await startSesEmulator();
  const front = await faultFront(emulator.url);
  const { storage, close: closeStorage } = await openStorage(kind, 'mailer');
  const settings = {
    SES_ENDPOINT: front.url,
    UNSUBSCRIBE_SECRET: 'test-unsubscribe-secret-0123456789',
    BUS_MAX_ATTEMPTS: '4',
    BUS_RETRY_DELAYS_MS: '20,40,80',
    ...config,
  };
  const mailer = await bootService(defineMailerService(options), { storage, config: settings, clock });
  const replicas: { close(): Promise<void> }[] = [];
  return {
    mailer,
    /** A second mailer instance on the same database and bus (closed with the harness). */
    async replica() {
      const other = await bootService(defineMailerService(options), {
        storage,
        config: settings,
        clock,
        bus: mailer.bus,
      });
      replicas.push(other);
      return other;
    },
    front,
    emulator,
    /** Publishes an EmailRequested as auth would (after its commit); answers the event. */
    async request(
      to: string,
      template: 'confirm-email' | 'reset-password' | 'magic-link',
      variables: Record<string, string>,
    ) {
      const event = makeEvent(EmailRequestedV1, { to, template, variables, userId: randomUUID() }, 'auth');
      await mailer.bus.publish([event]);
      return event;
    },
    /** What the emulator accepted for `to` (its store is shared by the whole process). */
    async inbox(to: string): Promise<StoredEmail[]> {
      const store = (await (await fetch(`${emulator.url}/store`)).json()) as { emails: StoredEmail[] };
      return store.emails.filter((email) => email.destination.to.includes(to));
    },
    async logRow(id: string) {
      const [row] = await mailer.db.select().from(deliveries).where(eq(deliveries.id, id));
      return row;
    },
    /** Waits for the request's log row to reach `status`, and answers it. */
    settled: (id: string, status: string) =>
      eventually(async () => {
        const [row] = await mailer.db.select().from(deliveries).where(eq(deliveries.id, id));
        return row?.status === status ? row : undefined;
      }),
    async close() {
      for (const replica of replicas) await replica.close();
      await mailer.close();
      await front.close();
      await emulator.close();
      await closeStorage();
    },
  };
}

export type MailerHarness = Awaited<ReturnType<typeof startMailerHarness>>;

/** A fresh address per test: the emulator's store is one per process. */
export const address = () => `someone-${randomUUID().slice(0, 8)}@example.org`;
