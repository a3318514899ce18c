import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailRequestedV1 } from '../src/events/contracts/email-requested.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import type { EventEnvelope } from '../src/events/envelope.js';
import { makeEvent } from '../src/events/make-event.js';
import type { Outbox } from '../src/messaging/outbox.js';
import type { OutboxRelay } from '../src/messaging/outbox-relay.js';
import { eventually } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import {
  effectCount,
  effectIds,
  type Harness,
  openHarness,
  outboxWithRelay,
  recordEffects,
  type TransportKind,
  uniqueQueue,
} from './fixtures/harness.js';
import { orders, outbox as outboxTable } from './fixtures/schema.js';

const event = (label: string) =>
  makeEvent(
    UserRegisteredV1,
    { userId: label, email: `${label}@berkeley.edu`, role: 'officer', name: label, club: null },
    'outbox-test',
  );

describe.each(['in-process', 'durable in-process', 'rabbitmq'] as TransportKind[])(
  'transactional outbox over %s',
  async (kind) => {
    const available = await infraAvailable(
      ...(kind === 'rabbitmq' ? (['postgres', 'rabbitmq'] as const) : []),
    );
    let harness: Harness;
    let outbox: Outbox;
    let relay: OutboxRelay;
    const queue = uniqueQueue('outbox');
    const received: EventEnvelope[] = [];

    beforeAll(async () => {
      if (!available) return;
      harness = await openHarness(kind);
      ({ outbox, relay } = outboxWithRelay(harness, 5_000));
      await recordEffects(harness, queue, (e) => received.push(e));
      relay.start();
    });
    afterAll(async () => {
      await relay?.stop();
      await harness?.close();
    });

    const unsent = async () =>
      (
        await harness.database.db
          .select({ n: count() })
          .from(outboxTable)
          .where(and(isNull(outboxTable.sentAt), isNull(outboxTable.error)))
      )[0]!.n;

    /**
     * The relay marks rows sent in the transaction that published them, which commits after the broker's
     * confirm: a consumer can apply an event before its row is marked (on a loaded machine, easily), so
     * "sent" is waited for, never read right after the effect.
     */
    const allSent = () => eventually(async () => (await unsent()) === 0, 5_000);

    it.skipIf(!available)('publishes nothing for a transaction that rolls back', async () => {
      const doomed = event('rolled-back');
      await expect(
        outbox.transaction(async (tx) => {
          await tx.insert(orders).values({ label: 'never' });
          await outbox.append(tx, [doomed]);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      // A marker committed after it: the relay sends in commit order and the queue delivers in order, so
      // had the rolled-back event gone out, it would be in before the marker.
      const marker = event('after-rollback');
      await outbox.transaction(async (tx) => outbox.append(tx, [marker]));
      await eventually(() => received.some((e) => e.id === marker.id), 5_000);
      await allSent();
      expect(received.map((e) => e.id)).not.toContain(doomed.id);
      expect(await harness.database.db.select().from(orders)).toEqual([]);
      expect(await unsent()).toBe(0);
    });

    it.skipIf(!available)(
      'publishes committed events promptly, in commit order, and marks them sent',
      async () => {
        const before = received.length;
        const sent: EventEnvelope[] = [];
        for (let i = 0; i < 10; i++) {
          const e = event(`order-${i}`);
          sent.push(e);
          await outbox.transaction(async (tx) => {
            await tx.insert(orders).values({ label: `order-${i}` });
            await outbox.append(tx, [e]);
          });
        }
        // Woken on commit: far sooner than the 5 s fallback poll.
        await eventually(() => received.length === before + 10, 2_000);
        expect(received.slice(before).map((e) => e.id)).toEqual(sent.map((e) => e.id));
        await allSent();
      },
    );

    it.skipIf(!available)(
      'deletes a sent row whose event carries a secret (an email link) at once, and keeps the others',
      async () => {
        const email = makeEvent(
          EmailRequestedV1,
          {
            to: 'officer@berkeley.edu',
            template: 'confirm-email',
            variables: { confirm_url: 'https://sproul.club/api/user/confirm/live-single-use-token' },
            userId: 'u1',
          },
          'outbox-test',
        );
        const plain = event('no-secret');
        await outbox.transaction(async (tx) => outbox.append(tx, [email, plain]));
        await eventually(() => received.some((e) => e.id === plain.id), 5_000);
        await allSent();
        const rowsOf = async (id: string) =>
          harness.database.db.select().from(outboxTable).where(eq(outboxTable.eventId, id));
        expect(await rowsOf(email.id)).toEqual([]);
        expect((await rowsOf(plain.id))[0]?.sentAt).toBeInstanceOf(Date);
      },
    );

    it.skipIf(!available)(
      'refuses to store an event that breaks its contract, failing the whole transaction',
      async () => {
        const broken = { ...event('broken'), data: { userId: 7, email: 'nope' } } as EventEnvelope;
        await expect(
          outbox.transaction(async (tx) => {
            await tx.insert(orders).values({ label: 'with-broken-event' });
            await outbox.append(tx, [broken]);
          }),
        ).rejects.toThrow(/UserRegistered v1: userId/);
        const labels = (await harness.database.db.select().from(orders)).map((o) => o.label);
        expect(labels).not.toContain('with-broken-event');
      },
    );

    it.skipIf(!available)(
      'fails the whole transaction when its events cannot be stored: the state change does not commit',
      async () => {
        const once = event('stored-once');
        await outbox.transaction(async (tx) => {
          await tx.insert(orders).values({ label: 'first-with-event' });
          await outbox.append(tx, [once]);
        });
        // The same event id again breaks the outbox's unique key when the rows are written (with COMMIT).
        await expect(
          outbox.transaction(async (tx) => {
            await tx.insert(orders).values({ label: 'second-with-same-event' });
            await outbox.append(tx, [once]);
          }),
        ).rejects.toThrow();
        const labels = (await harness.database.db.select().from(orders)).map((o) => o.label);
        expect(labels).toContain('first-with-event');
        expect(labels).not.toContain('second-with-same-event');
        const stored = await harness.database.db
          .select()
          .from(outboxTable)
          .where(eq(outboxTable.eventId, once.id));
        expect(stored).toHaveLength(1);
      },
    );

    it.skipIf(!available)(
      'sets aside a stored row that breaks its contract, with its error, and relays what follows',
      async () => {
        const good = event('after-poison');
        // Written around append(), as an older version or a hand-made fix might have.
        await harness.database.db.insert(outboxTable).values({
          eventId: '00000000-0000-4000-8000-00000000beef',
          type: 'UserRegistered',
          version: 1,
          payload: {
            ...event('poison'),
            id: '00000000-0000-4000-8000-00000000beef',
            data: { email: 42 },
          } as EventEnvelope,
        });
        await outbox.transaction(async (tx) => outbox.append(tx, [good]));
        await eventually(() => received.some((e) => e.id === good.id), 5_000);
        // The event can arrive before the relay's transaction (which also sets the row aside) commits.
        const poison = await eventually(async () => {
          const [row] = await harness.database.db
            .select()
            .from(outboxTable)
            .where(eq(outboxTable.eventId, '00000000-0000-4000-8000-00000000beef'));
          return row?.error ? row : undefined;
        }, 5_000);
        expect(poison!.sentAt).toBeNull();
        expect(poison!.error).toMatch(/UserRegistered v1: .*userId/);
        expect(received.map((e) => e.id)).not.toContain('00000000-0000-4000-8000-00000000beef');
      },
    );

    it.skipIf(!available)(
      'a new relay (after a restart) sends what the previous one left behind',
      async () => {
        // A consumer of its own, bound before the restart: it receives exactly what the new relay sends,
        // whatever the earlier tests committed (counting the shared queue made this test depend on them).
        const restarted = uniqueQueue('outbox-restart');
        await recordEffects(harness, restarted);
        await relay.stop();
        const left = [event('left-1'), event('left-2')];
        await outbox.transaction(async (tx) => outbox.append(tx, left));
        // stop() resolved once the relay's loop had ended and it had stopped listening for commits:
        // nothing is left that could still send these rows, so there is nothing to wait for.
        expect(await unsent()).toBe(2);
        relay = outboxWithRelay(harness).relay;
        relay.start();
        await eventually(async () => (await effectIds(harness.database, queue)).includes(left[1]!.id), 5_000);
        // Rows are sent in id order: anything sent again from before would have reached `restarted` first.
        await eventually(
          async () => (await effectIds(harness.database, restarted)).includes(left[1]!.id),
          5_000,
        );
        await allSent();
        const rows = await harness.database.db
          .select({ id: outboxTable.eventId })
          .from(outboxTable)
          .orderBy(asc(outboxTable.id));
        expect(rows.slice(-2).map((r) => r.id)).toEqual(left.map((e) => e.id));
        expect(await effectCount(harness.database, restarted)).toBe(left.length);
      },
    );
  },
);
