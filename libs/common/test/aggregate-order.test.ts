import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventBus } from '../src/bus/event-bus.js';
import type { Tx } from '../src/db/database.js';
import { AccountConfirmedV1 } from '../src/events/contracts/account-confirmed.js';
import { AccountDeletedV1 } from '../src/events/contracts/account-deleted.js';
import { ClubCreatedV1, ClubDeletedV1, ClubUpdatedV1 } from '../src/events/contracts/club-events.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import type { EventEnvelope } from '../src/events/envelope.js';
import { makeEvent } from '../src/events/make-event.js';
import { parseEvent } from '../src/events/parse-event.js';
import { type EventHandler, on, subscribeHandlers } from '../src/messaging/consumer.js';
import type { Outbox } from '../src/messaging/outbox.js';
import type { OutboxRelay } from '../src/messaging/outbox-relay.js';
import { eventually, failDeliveries, testLogger } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import {
  type Harness,
  openHarness,
  outboxWithRelay,
  type TransportKind,
  uniqueQueue,
} from './fixtures/harness.js';
import { appliedVersions, effects, inbox, outbox as outboxTable } from './fixtures/schema.js';

const summary = (about: string) => ({
  name: 'Cal Robotics',
  link_name: 'cal-robotics',
  tags: [1],
  num_users: 0,
  app_required: false,
  new_members: true,
  about_us: about,
  get_involved: '',
  visible: true,
});
const created = (clubId: string, about: string) =>
  makeEvent(ClubCreatedV1, { clubId, ownerUserId: 'owner', club: summary(about) }, 'test');
const updated = (clubId: string, about: string) =>
  makeEvent(ClubUpdatedV1, { clubId, changed: ['about_us'], club: summary(about) }, 'test');
const deleted = (clubId: string) =>
  makeEvent(ClubDeletedV1, { clubId, ownerUserId: 'owner', link_name: 'cal-robotics' }, 'test');
const account = (userId: string) => ({ userId, email: `${userId}@berkeley.edu`, role: 'student' as const });
const registered = (userId: string) =>
  makeEvent(UserRegisteredV1, { ...account(userId), name: null, club: null }, 'test');

const transports: { kind: TransportKind; needs: Parameters<typeof infraAvailable> }[] = [
  { kind: 'in-process', needs: [] },
  { kind: 'rabbitmq', needs: ['postgres', 'rabbitmq'] },
];

/**
 * Deliveries reordered by retries (a handler failing twice, retried after later events) must leave
 * every consumer on the source's newest state: events carry their aggregate's version, given by the
 * producer's outbox, and the consumer never lets an older one overwrite a newer one.
 */
describe.each(transports)('aggregate versions over $kind', async ({ kind, needs }) => {
  const available = await infraAvailable(...needs);
  let harness: Harness;
  let outbox: Outbox;
  let relay: OutboxRelay;

  beforeAll(async () => {
    if (!available) return;
    harness = await openHarness(kind);
    ({ outbox, relay } = outboxWithRelay(harness));
    relay.start();
    // What the test consumers copy: a club's text, as the recommender keeps it.
    await harness.database.db.execute(
      sql`create table bustest.club_copies (consumer text, club_id text, about text, primary key (consumer, club_id))`,
    );
  });
  afterAll(async () => {
    await relay?.stop();
    await harness?.close();
  });

  /** Each event in a transaction of its own, one after the other, as separate edits are. */
  const produce = async (...events: EventEnvelope[]) => {
    for (const event of events) await outbox.transaction((tx) => outbox.append(tx, [event]));
  };
  const copyOf = async (queue: string, clubId: string) => {
    const rows = await harness.database.db.execute(
      sql`select about from bustest.club_copies where consumer = ${queue} and club_id = ${clubId}`,
    );
    return (rows as unknown as { rows: { about: string }[] }).rows[0]?.about;
  };
  const applied = async (queue: string) =>
    (await harness.database.db.select().from(effects).where(eq(effects.consumer, queue))).map(
      (e) => e.eventId,
    );
  /** Handled (applied or skipped) and committed: the consumer is done with these events. */
  const handled = (queue: string, events: EventEnvelope[]) =>
    eventually(async () => {
      const rows = await harness.database.db
        .select()
        .from(inbox)
        .where(
          and(
            eq(inbox.consumer, queue),
            inArray(
              inbox.eventId,
              events.map((e) => e.id),
            ),
          ),
        );
      return rows.length === events.length;
    }, 20_000);

  const record = (queue: string, tx: Tx, event: EventEnvelope) =>
    tx.insert(effects).values({ consumer: queue, eventId: event.id });
  const copy = (
    queue: string,
    tx: Tx,
    event: EventEnvelope<{ clubId: string; club: { about_us: string } }>,
  ) =>
    tx.execute(sql`insert into bustest.club_copies values (${queue}, ${event.data.clubId}, ${event.data.club.about_us})
      on conflict (consumer, club_id) do update set about = excluded.about`);

  /** A consumer keeping a copy of clubs (as the recommender does), every effect recorded. */
  const clubCopier = (queue: string, seen: EventEnvelope[]): EventHandler[] => [
    on(ClubCreatedV1, async (event, tx) => {
      seen.push(event);
      await copy(queue, tx, event);
      await record(queue, tx, event);
    }),
    on(ClubUpdatedV1, async (event, tx) => {
      seen.push(event);
      await copy(queue, tx, event);
      await record(queue, tx, event);
    }),
    on(ClubDeletedV1, async (event, tx) => {
      seen.push(event);
      await tx.execute(
        sql`delete from bustest.club_copies where consumer = ${queue} and club_id = ${event.data.clubId}`,
      );
      await record(queue, tx, event);
    }),
  ];
  /** Registration, confirmation and deletion each leave a mark (as the catalog's handlers do). */
  const accountFollower = (queue: string): EventHandler[] => [
    on(UserRegisteredV1, (event, tx) => record(queue, tx, event).then(() => {})),
    on(AccountConfirmedV1, (event, tx) => record(queue, tx, event).then(() => {})),
    on(AccountDeletedV1, (event, tx) => record(queue, tx, event).then(() => {})),
  ];

  const subscribe = (queue: string, bus: EventBus, handlers: EventHandler[]) =>
    subscribeHandlers({
      service: queue,
      bus,
      database: harness.database,
      inbox,
      appliedVersions,
      handlers,
      logger: testLogger(),
      maxAttempts: 5,
      retryDelaysMs: [150, 300],
    });

  /** A consumer on a bus that fails the events `match` picks twice, so they come back after later ones. */
  const flaky = (queue: string, match: (event: EventEnvelope) => boolean) =>
    failDeliveries(harness.bus, { queue, times: 2, match });

  it.skipIf(!available)(
    'an update that failed twice and was retried after two later edits does not overwrite them',
    async () => {
      const queue = uniqueQueue('copier');
      const clubId = randomUUID();
      const seen: EventEnvelope[] = [];
      const first = updated(clubId, 'first edit');
      const bus = flaky(queue, (event) => event.id === first.id);
      await subscribe(queue, bus, clubCopier(queue, seen));
      const events = [
        created(clubId, 'new'),
        first,
        updated(clubId, 'second edit'),
        updated(clubId, 'third edit'),
      ];
      await produce(...events);
      await handled(queue, events);

      expect(bus.failed.map((e) => e.id)).toEqual([first.id, first.id]);
      expect(await copyOf(queue, clubId)).toBe('third edit');
      // The late first edit was acknowledged without taking effect.
      expect(await applied(queue)).not.toContain(first.id);
      // Both transports carried the version the outbox gave each event, 1, 2, 3, 4 in commit order.
      expect(seen.map((e) => e.aggregate)).toEqual(
        [1, 3, 4].map((version) => ({ type: 'club', id: clubId, version })),
      );
    },
  );

  it.skipIf(!available)(
    'a delete wins over an update retried after it: the club is not brought back',
    async () => {
      const queue = uniqueQueue('copier');
      const clubId = randomUUID();
      const edit = updated(clubId, 'edited just before the delete');
      await subscribe(
        queue,
        flaky(queue, (event) => event.id === edit.id),
        clubCopier(queue, []),
      );
      const events = [created(clubId, 'new'), edit, deleted(clubId)];
      await produce(...events);
      await handled(queue, events);
      expect(await copyOf(queue, clubId)).toBeUndefined();
      expect(await applied(queue)).not.toContain(edit.id);
      // A creation that arrives after the delete (a retry, or a replay) does not resurrect it either.
      const [stored] = await harness.database.db
        .select()
        .from(outboxTable)
        .where(eq(outboxTable.eventId, events[0]!.id));
      const replay = { ...stored!.payload, id: randomUUID() };
      await harness.bus.publish([replay]);
      await handled(queue, [replay]);
      expect(await copyOf(queue, clubId)).toBeUndefined();
    },
  );

  it.skipIf(!available)(
    'a one-off step takes effect whatever order it arrives in, but not after its aggregate ended',
    async () => {
      const queue = uniqueQueue('follower');
      const [kept, gone] = [randomUUID(), randomUUID()];
      const late = [registered(kept), registered(gone)];
      await subscribe(
        queue,
        flaky(queue, (event) => late.some((l) => l.id === event.id)),
        accountFollower(queue),
      );
      const confirmed = makeEvent(AccountConfirmedV1, account(kept), 'test');
      const removed = makeEvent(AccountDeletedV1, { ...account(gone), clubId: null }, 'test');
      const events = [late[0]!, confirmed, late[1]!, removed];
      await produce(...events);
      await handled(queue, events);
      const marks = await applied(queue);
      // Registration retried after the confirmation: both happened (the catalog creates the profile).
      expect(marks).toEqual(expect.arrayContaining([late[0]!.id, confirmed.id, removed.id]));
      // Registration retried after the account's deletion: nothing is created for a deleted account.
      expect(marks).not.toContain(late[1]!.id);
    },
  );

  it.skipIf(!available)(
    'redelivery changes nothing: every event again, newest first, and an old edit under a new id',
    async () => {
      const queue = uniqueQueue('copier');
      const clubId = randomUUID();
      await subscribe(queue, harness.bus, clubCopier(queue, []));
      const events = [created(clubId, 'new'), updated(clubId, 'old edit'), updated(clubId, 'newest edit')];
      await produce(...events);
      await handled(queue, events);
      const before = await applied(queue);
      expect(before).toHaveLength(3);

      const stored = await harness.database.db
        .select()
        .from(outboxTable)
        .where(
          inArray(
            outboxTable.eventId,
            events.map((e) => e.id),
          ),
        );
      const payloads = stored.map((row) => row.payload).reverse();
      const oldEdit = { ...payloads.find((p) => p.id === events[1]!.id)!, id: randomUUID() };
      await harness.bus.publish([...payloads, oldEdit]);
      await handled(queue, [oldEdit]);
      expect((await applied(queue)).sort()).toEqual(before.sort());
      expect(await copyOf(queue, clubId)).toBe('newest edit');
    },
  );

  it.skipIf(!available)(
    'gives the events of an aggregate consecutive versions, even from concurrent transactions',
    async () => {
      const clubId = randomUUID();
      // Two events of the club in one transaction, then twelve edits at once.
      await outbox.transaction((tx) => outbox.append(tx, [created(clubId, 'v1'), updated(clubId, 'v2')]));
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          outbox.transaction(async (tx) => {
            await outbox.append(tx, [updated(clubId, `concurrent ${i}`)]);
          }),
        ),
      );
      const rows = await harness.database.db.select().from(outboxTable);
      const versions = rows
        .map((row) => row.payload)
        .filter((payload) => payload.aggregate?.id === clubId)
        .map((payload) => payload.aggregate!.version)
        .sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    },
  );
});

describe('an event naming an aggregate', () => {
  it('is refused when the aggregate is not the one its data is about', () => {
    const event = { ...updated('club-a', 'text'), aggregate: { type: 'club', id: 'club-b', version: 3 } };
    const parsed = parseEvent(event);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(/aggregate club\/club-b is not its data's/);
    expect(parseEvent({ ...event, aggregate: { type: 'club', id: 'club-a', version: 3 } }).ok).toBe(true);
  });

  it('may come without one, as events stored before versions existed did', () => {
    expect(parseEvent(updated('club-a', 'text')).ok).toBe(true);
  });
});
