import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubEventRepository } from '../../data-access/club-event-repository.js';
import { clubRepository } from '../../data-access/club-repository.js';
import { clubEventScheduled } from '../events/club-event-announcements.js';
import { appendTagSnapshot } from '../tags/tag-set-changed.js';
import { clubUpdatedEvents } from './club-state-events.js';

/** Clubs read per statement while restating them (10 000 clubs: 20 pages). */
const PAGE = 500;

/**
 * Answers a read-model replay: every club as a ClubUpdated v2 (`changed: ["replay"]`), then every
 * club's current events (ClubEventScheduled; removed ones are not restated), and the tag set, in the
 * caller's transaction. v1 is left out: its readers asked for nothing.
 */
export async function restateClubs(tx: Tx, outbox: Outbox) {
  const clubs = clubRepository(tx);
  let afterId: string | undefined;
  for (;;) {
    const page = await clubs.pageById(afterId, PAGE);
    if (page.length === 0) break;
    const changes = page.map((club) => ({ club, changed: ['replay'] }));
    await outbox.append(tx, await clubUpdatedEvents(tx, changes, [2]));
    afterId = page.at(-1)?.id;
  }
  await restateClubEvents(tx, outbox);
  await appendTagSnapshot(tx, outbox);
}

/** Every current event as ClubEventScheduled (a `state` event: readers apply it over what they hold). */
async function restateClubEvents(tx: Tx, outbox: Outbox) {
  const events = clubEventRepository(tx);
  let afterId: string | undefined;
  for (;;) {
    const page = await events.pageById(afterId, PAGE);
    if (page.length === 0) break;
    await outbox.append(tx, page.map(clubEventScheduled));
    afterId = page.at(-1)?.id;
  }
}
