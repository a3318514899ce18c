import type { InProcessBus } from '@sproul/common/bus';
import {
  ClubCreatedV1,
  ClubDeletedV1,
  ClubUpdatedV1,
  type EventEnvelope,
  makeEvent,
} from '@sproul/common/events';
import { bootService, eventually, openStorage } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recommenderService } from '../src/index.js';
import { clubSummary, type EvalClub, evalClubs } from './eval-campus.js';

// Twelve clubs of the eval set: too few changes for a drift retrain (20) to start under the tests.
const campus = evalClubs
  .filter((club) => ['dance', 'debate', 'environment'].includes(club.kind))
  .filter((_, i, all) => all.slice(0, i).filter((c) => c.kind === all[i]!.kind).length < 4);
const summary = (club: EvalClub, visible = true) => clubSummary(club, 'notice', visible);

type Booted = Awaited<ReturnType<typeof bootService>>;
type Notice = { reason: string; link_names?: string[] };
const noticesOf = (service: Booted) =>
  service.events.filter((event): event is EventEnvelope<Notice> => event.type === 'SimilarClubsChanged');

/**
 * The catalog caches club pages with their similar clubs: every change of the recommender's lists is
 * announced (SimilarClubsChanged), a folded-in club change in its handler's transaction and a
 * swapped-in model after the swap.
 */
describe('SimilarClubsChanged', () => {
  let storage: Awaited<ReturnType<typeof openStorage>>;
  let service: Booted;
  const retrain = (reason: string, options: { force?: boolean } = {}) =>
    (
      service.context as {
        retrain(reason: string, options: { force?: boolean }): Promise<{ accepted: boolean }>;
      }
    ).retrain(reason, options);

  beforeAll(async () => {
    storage = await openStorage('embedded');
    service = await bootService(recommenderService, {
      storage: storage.storage,
      config: { RECOMMENDER_RETRAIN_INTERVAL_MS: '0' },
    });
    await service.bus.publish(
      campus.map((club) =>
        makeEvent(
          ClubCreatedV1,
          { clubId: club.id, ownerUserId: `owner-${club.id}`, club: summary(club) },
          'catalog',
        ),
      ),
    );
    // The first model trains in the background at first start.
    await eventually(async () => (await service.client('/internal/model')).body.model, 60_000);
  }, 90_000);
  afterAll(async () => {
    await service?.close();
    await storage?.close();
  });

  it('announces each handled ClubUpdated once, with its correlation id, and a deletion as club-deleted', async () => {
    const [club, gone] = campus;
    const updated = makeEvent(
      ClubUpdatedV1,
      {
        clubId: club!.id,
        changed: ['about_us'],
        club: { ...summary(club!), about_us: 'We argue politely.' },
      },
      'catalog',
    );
    await service.bus.publish([updated]);
    const ofUpdate = () =>
      noticesOf(service).filter((event) => event.correlationId === updated.correlationId);
    await eventually(() => ofUpdate().length > 0);

    const deleted = makeEvent(
      ClubDeletedV1,
      { clubId: gone!.id, ownerUserId: `owner-${gone!.id}`, link_name: `notice-${gone!.id}` },
      'catalog',
    );
    await service.bus.publish([deleted]);
    const ofDelete = () =>
      noticesOf(service).filter((event) => event.correlationId === deleted.correlationId);
    await eventually(() => ofDelete().length > 0);
    // The relay sends in commit order: with the deletion's notice out, every notice of the update is too.
    await (service.bus as InProcessBus).idle();
    expect(ofUpdate().map((event) => event.data)).toEqual([{ reason: 'club-changed' }]);
    expect(ofDelete().map((event) => event.data)).toEqual([{ reason: 'club-deleted' }]);
  });

  it('announces a swapped-in model as retrained, once it answers', async () => {
    const retrained = () => noticesOf(service).filter((event) => event.data.reason === 'retrained').length;
    // The first start's model was announced when it was swapped in.
    await eventually(() => retrained() >= 1);
    const before = retrained();
    expect((await retrain('test', { force: true })).accepted).toBe(true);
    await eventually(() => retrained() === before + 1);
  }, 60_000);
});
