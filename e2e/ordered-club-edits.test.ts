import { randomUUID } from 'node:crypto';
import { catalogService } from '@sproul/catalog';
import { InProcessBus } from '@sproul/common/bus';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { type Database, openPostgres } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { AccountConfirmedV1, type EventEnvelope, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import { type StartedService, startService } from '@sproul/common/service';
import {
  createTestDatabase,
  eventually,
  failDeliveries,
  infraAvailable,
  recordEvents,
  fetchJson as send,
  type TokenIssuer,
  testLogger,
  tokenIssuer,
} from '@sproul/common/testing';
import { recommenderService } from '@sproul/recommender';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Storage = 'embedded' | 'postgres';
const storages: Storage[] = (await infraAvailable('postgres')) ? ['embedded', 'postgres'] : ['embedded'];

/** The edits the recommender's consumer fails twice, so that their retries arrive after later edits. */
const FLAKY = /^Flaky /;

/**
 * Issue 15: a ClubUpdated that failed twice in the recommender and was retried after two later edits
 * left its corpus on the old text for good, while the catalog showed the last edit. The catalog and
 * the recommender run as `npm start` composes them (one database, one bus); the recommender's bus fails
 * chosen deliveries twice, so the transport's retries reorder them.
 */
describe.each(storages)('club edits reach the recommender out of order (%s)', (storage) => {
  let auth: TokenIssuer;
  let bus: InProcessBus;
  let flaky: ReturnType<typeof failDeliveries>;
  let catalog: StartedService<unknown>;
  let recommender: StartedService<unknown>;
  let recommenderDb: Database;
  let events: EventEnvelope[];
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const logger = testLogger();
    auth = await tokenIssuer();
    let url: string | undefined;
    let databaseOf: (service: string) => Promise<Database>;
    if (storage === 'embedded') {
      const embedded = await EmbeddedPostgres.open();
      closers.push(() => embedded.close());
      databaseOf = async (service) => embedded.forService(service);
    } else {
      const testDb = await createTestDatabase('ordering');
      closers.push(testDb.drop);
      url = testDb.url;
      databaseOf = async (service) => {
        const database = await openPostgres({ url: testDb.url, service, poolSize: 4 });
        closers.unshift(() => database.close());
        return database;
      };
    }
    bus = new InProcessBus(logger);
    events = await recordEvents(bus, 'ordering-recorder');
    flaky = failDeliveries(bus, {
      queue: 'recommender',
      times: 2,
      match: (event) =>
        event.type === 'ClubUpdated' &&
        FLAKY.test((event.data as { club: { about_us: string } }).club.about_us),
    });
    const store = new MemoryStore();
    recommenderDb = await databaseOf('recommender');
    recommender = await startService(
      recommenderService,
      { logger, database: recommenderDb, bus: flaky, store },
      loadConfig(recommenderService.config, {
        PORT: '0',
        LOG_LEVEL: 'silent',
        BUS_RETRY_DELAYS_MS: '300',
        DATABASE_URL: url,
      }),
    );
    catalog = await startService(
      catalogService,
      { logger, database: await databaseOf('catalog'), bus, store },
      loadConfig(catalogService.config, {
        PORT: '0',
        LOG_LEVEL: 'silent',
        BUS_RETRY_DELAYS_MS: '300',
        DATABASE_URL: url,
        AUTH_URL: auth.url,
        RECOMMENDER_URL: recommender.url,
        SEED_DEMO: '0',
        RECRUITING_CHECK_INTERVAL_MS: '0',
      }),
    );
  });
  afterAll(async () => {
    await catalog?.stop();
    await recommender?.stop();
    await bus?.close();
    for (const close of closers) await close();
    await auth?.close();
  });

  /** An officer registers and confirms (as auth announces it); the catalog creates and shows the club. */
  async function officerWithClub(name: string) {
    const officerId = randomUUID();
    const email = `${name.toLowerCase().replace(/\W+/g, '')}@berkeley.edu`;
    const club = {
      name,
      tags: [1],
      num_users: 0,
      app_required: false,
      new_members: true,
      apply_deadline_start: null,
      apply_deadline_end: null,
      recruiting_start: null,
      recruiting_end: null,
    };
    await bus.publish([
      makeEvent(UserRegisteredV1, { userId: officerId, email, role: 'officer', name, club }, 'auth'),
      makeEvent(AccountConfirmedV1, { userId: officerId, email, role: 'officer' }, 'auth'),
    ]);
    const created = await eventually(() =>
      events.find(
        (e) => e.type === 'ClubCreated' && (e.data as { ownerUserId: string }).ownerUserId === officerId,
      ),
    );
    const { clubId, club: summary } = created.data as { clubId: string; club: { link_name: string } };
    await eventually(async () => (await corpus(clubId))?.visible);
    const token = await auth.token('officer', { sub: officerId, email });
    return { clubId, linkName: summary.link_name, email, token };
  }

  const corpus = async (clubId: string) => {
    const result = await recommenderDb.db.execute(
      sql`select description, visible from recommender.clubs where club_id = ${clubId}`,
    );
    return (result as unknown as { rows: { description: string; visible: boolean }[] }).rows[0];
  };
  const edit = (token: string, about_us: string) =>
    send(`${catalog.url}/api/admin/profile`, { method: 'POST', body: { about_us }, token });
  /** The ClubUpdated events the catalog published for a club so far. */
  const updatesOf = (clubId: string) =>
    events.filter((e) => e.type === 'ClubUpdated' && (e.data as { clubId: string }).clubId === clubId);
  /** Waits until the recommender has handled (applied or skipped) and committed these events. */
  const recommenderHandled = (list: EventEnvelope[]) =>
    eventually(async () => {
      const result = await recommenderDb.db.execute(
        sql`select count(*)::int as n from recommender.inbox where event_id in ${list.map((e) => e.id)}`,
      );
      return (result as unknown as { rows: { n: number }[] }).rows[0]!.n === list.length;
    }, 20_000);

  it('the recommender ends on the last edit, as the catalog shows it', async () => {
    const club = await officerWithClub('Cal Robotics');
    const before = updatesOf(club.clubId).length;
    for (const text of ['Flaky first edit.', 'Second edit.', 'Third edit.']) {
      expect((await edit(club.token, text)).status).toBe(200);
    }
    const edits = await eventually(() => {
      const list = updatesOf(club.clubId).slice(before);
      return list.length === 3 ? list : undefined;
    });
    await recommenderHandled(edits);
    // The first edit really was failed twice and retried after the other two.
    expect(flaky.failed.filter((e) => e.id === edits[0]!.id)).toHaveLength(2);

    const page = await send(`${catalog.url}/api/catalog/organizations/${club.linkName}`);
    expect(page.body.about_us).toBe('Third edit.');
    expect((await corpus(club.clubId))?.description).toMatch(/^Third edit\./);
  });

  it('an edit retried after the club was deleted does not bring it back to the recommender', async () => {
    const club = await officerWithClub('Chess Club');
    const before = updatesOf(club.clubId).length;
    expect((await edit(club.token, 'Flaky last words.')).status).toBe(200);
    const admin = await auth.token('admin');
    const removed = await send(`${catalog.url}/api/monitor/club/${club.email}`, {
      method: 'DELETE',
      token: admin,
    });
    expect(removed.status).toBe(200);
    const [lastEdit] = await eventually(() => {
      const list = updatesOf(club.clubId).slice(before);
      return list.length === 1 ? list : undefined;
    });
    const deleted = await eventually(() =>
      events.find((e) => e.type === 'ClubDeleted' && (e.data as { clubId: string }).clubId === club.clubId),
    );
    await recommenderHandled([lastEdit!, deleted]);
    expect(flaky.failed.filter((e) => e.id === lastEdit!.id)).toHaveLength(2);
    expect((await send(`${catalog.url}/api/catalog/organizations/${club.linkName}`)).status).toBe(404);
    expect(await corpus(club.clubId)).toBeUndefined();
  });
});
