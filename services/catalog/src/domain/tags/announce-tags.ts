import type { Tx } from '@sproul/common/db';
import type { EventEnvelope } from '@sproul/common/events';
import type { Outbox } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';
import { clubsChangedBySystem } from '../clubs/club-changed-by-system.js';
import { tagSetChanged } from './tag-set-changed.js';

/**
 * After a tag change, in its transaction: the whole tag set (TagChanged is a snapshot, so a consumer
 * that missed one is right again with the next), and a ClubUpdated for each club whose tag ids moved.
 */
export async function announceTags(tx: Tx, outbox: Outbox, changedClubs: Map<string, Set<string>>) {
  const events: EventEnvelope[] = [await tagSetChanged(tx)];
  const clubs = clubRepository(tx);
  const changes = [];
  for (const [clubId, fields] of changedClubs) {
    const club = await clubs.findById(clubId);
    if (club) changes.push({ club, changed: [...fields] });
  }
  events.push(...(await clubsChangedBySystem(tx, changes)));
  await outbox.append(tx, events);
}
