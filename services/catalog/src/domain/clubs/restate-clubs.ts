import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { appendTagSnapshot } from '../tags/tag-set-changed.js';
import { clubUpdatedEvents } from './club-state-events.js';

/** Clubs read per statement while restating them (10 000 clubs: 20 pages). */
const PAGE = 500;

/**
 * Answers a read-model replay: every club as a ClubUpdated v2 (`changed: ["replay"]`), and the tag
 * set, in the caller's transaction. v1 is left out: its readers asked for nothing.
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
  await appendTagSnapshot(tx, outbox);
}
