import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessBus } from '../src/bus/in-process-bus.js';
import type { Database } from '../src/db/database.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { openPostgres } from '../src/db/postgres.js';
import { UserRegisteredV1 } from '../src/events/contracts/user-registered.js';
import type { EventEnvelope } from '../src/events/envelope.js';
import { makeEvent } from '../src/events/make-event.js';
import { Outbox } from '../src/messaging/outbox.js';
import { OutboxRelay } from '../src/messaging/outbox-relay.js';
import { createTestDatabase } from '../src/testing/databases.js';
import { testLogger } from '../src/testing/index.js';
import { infraAvailable } from '../src/testing/infra.js';
import { migrationsFolder } from './fixtures/harness.js';
import { aggregateVersions, outbox as outboxTable } from './fixtures/schema.js';

const event = (label: string) =>
  makeEvent(
    UserRegisteredV1,
    { userId: label, email: `${label}@berkeley.edu`, role: 'officer', name: label, club: null },
    'relay-replicas-test',
  );

/** A bus that only counts what each relay hands it, by event id. */
class CountingBus extends InProcessBus {
  readonly sent = new Map<string, number>();
  override async publish(envelopes: EventEnvelope[]) {
    for (const envelope of envelopes) this.sent.set(envelope.id, (this.sent.get(envelope.id) ?? 0) + 1);
  }
}

// Only PostgreSQL runs two replicas' relay transactions at once (PGlite takes one at a time).
describe('outbox relays of three replicas on one PostgreSQL database', async () => {
  const available = await infraAvailable('postgres');
  let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
  const databases: Database[] = [];

  beforeAll(async () => {
    if (!available) return;
    testDb = await createTestDatabase('relays');
    for (const _ of [1, 2, 3]) databases.push(await openPostgres({ url: testDb.url, service: 'bustest' }));
    await migrateDatabase(databases[0]!, migrationsFolder, testDb.url);
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
    await testDb?.drop();
  });

  it.skipIf(!available)('publish each committed event once when they race for every batch', async () => {
    const bus = new CountingBus(testLogger());
    const relays = databases.map(
      (database) =>
        new OutboxRelay({
          database,
          table: outboxTable,
          outbox: new Outbox(database, outboxTable, aggregateVersions),
          bus,
          logger: testLogger(),
        }),
    );
    const writer = new Outbox(databases[0]!, outboxTable, aggregateVersions);
    const events = Array.from({ length: 300 }, (_, i) => event(`replica-race-${i}`));
    // A commit, then every replica's relay at once, as when each is woken or polls together. Without the
    // service's lock each sends the batch. With the lock alone, one whose statement took its snapshot
    // before another's batch committed, and the lock after, sent that batch again (once in a CI run, in
    // the monitor's replica test); that window is microseconds wide, so this loop rarely opens it: it
    // failed every run with a 20 ms pg_sleep put before the lock, and passes with the rows locked.
    for (const e of events) {
      await writer.transaction((tx) => writer.append(tx, [e]));
      await Promise.all(relays.map((relay) => relay.publishBatch()));
    }
    await Promise.all(relays.map((relay) => relay.publishBatch()));
    expect([...bus.sent.keys()].sort()).toEqual(events.map((e) => e.id).sort());
    const repeated = [...bus.sent].filter(([, times]) => times > 1);
    expect(repeated).toEqual([]);
    await bus.close();
  });
});
