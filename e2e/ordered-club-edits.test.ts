import { randomUUID } from 'node:crypto';
import { catalogService } from '@sproul/catalog';
import { InProcessBus } from '@sproul/common/bus';
import { MemoryStore } from '@sproul/common/cache';
import { AccountConfirmedV1, type EventEnvelope, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import {
  type BootedService,
  bootService,
  eventually,
  failDeliveries,
  openStorage,
  fetchJson as send,
  storageKinds,
  type TokenIssuer,
  testLogger,
  tokenIssuer,
} from '@sproul/common/testing';
import { recommenderService } from '@sproul/recommender';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The edits the recommender's consumer fails twice, so that their retries arrive after later edits. */
const FLAKY = /^Flaky /;

/**
 * Issue 15: a ClubUpdated that failed twice in the recommender and was retried after two later edits
 * left its corpus on the old text for good, while the catalog showed the last edit. The catalog and
 * the recommender run as `npm start` composes them (one database, one bus); the recommender's bus fails
 * chosen deliveries twice, so the transport's retries reorder them.
 */
describe.each(await storageKinds())('club edits reach the recommender out of order (%s)', (kind) => {
  let auth: TokenIssuer;
  let bus: InProcessBus;
  let flaky: ReturnType<typeof failDeliveries>;
  let catalog: BootedService<unknown>;
  let recommender: BootedService<unknown>;
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let events: EventEnvelope[];

  beforeAll(async () => {
    auth = await tokenIssuer();
    storage = await openStorage(kind, 'ordering');
    bus = new InProcessBus(testLogger());
    flaky = failDeliveries(bus, {
      queue: 'recommender',
      times: 2,
      match: (event) =>
        event.type === 'ClubUpdated' &&
        FLAKY.test((event.data as { club: { about_us: string } }).club.about_us),
    });
    const store = new MemoryStore();
    const retries = { BUS_RETRY_DELAYS_MS: '300' };
    recommender = await bootService(recommenderService, {
      storage: storage.storage,
      bus: flaky,
      store,
      config: retries,
    });
    catalog = await bootService(catalogService, {
      storage: storage.storage,
      bus,
      store,
      config: {
        ...retries,
        AUTH_URL: auth.url,
        RECOMMENDER_URL: recommender.service.url,
        SEED_DEMO: '0',
        RECRUITING_CHECK_INTERVAL_MS: '0',
      },
    });
    events = catalog.events;
  });
  afterAll(async () => {
    await catalog?.close();
    await recommender?.close();
    await bus?.close();
    await storage?.close();
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
    const result = await recommender.db.execute(
      sql`select description, visible from recommender.clubs where club_id = ${clubId}`,
    );
    return (result as unknown as { rows: { description: string; visible: boolean }[] }).rows[0];
  };
  const edit = (token: string, about_us: string) =>
    send(`${catalog.service.url}/api/admin/profile`, { method: 'POST', body: { about_us }, token });
  /** The ClubUpdated events the catalog published for a club so far. */
  const updatesOf = (clubId: string) =>
    events.filter(
      (e) => e.type === 'ClubUpdated' && e.version === 1 && (e.data as { clubId: string }).clubId === clubId,
    );
  /** Waits until the recommender has handled (applied or skipped) and committed these events. */
  const recommenderHandled = (list: EventEnvelope[]) =>
    eventually(async () => {
      const result = await recommender.db.execute(
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

    const page = await send(`${catalog.service.url}/api/catalog/organizations/${club.linkName}`);
    expect(page.body.about_us).toBe('Third edit.');
    expect((await corpus(club.clubId))?.description).toMatch(/^Third edit\./);
  });

  it('an edit retried after the club was deleted does not bring it back to the recommender', async () => {
    const club = await officerWithClub('Chess Club');
    const before = updatesOf(club.clubId).length;
    expect((await edit(club.token, 'Flaky last words.')).status).toBe(200);
    const admin = await auth.token('admin');
    const removed = await send(`${catalog.service.url}/api/monitor/club/${club.email}`, {
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
    expect((await send(`${catalog.service.url}/api/catalog/organizations/${club.linkName}`)).status).toBe(
      404,
    );
    expect(await corpus(club.clubId)).toBeUndefined();
  });
});
