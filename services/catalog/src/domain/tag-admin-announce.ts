import { type EventEnvelope, makeEvent, type Outbox, TagChangedV1, type Tx } from '@sproul/common';
import { clubRepository } from '../data-access/club-repository.js';
import { metadataRepository } from '../data-access/metadata-repository.js';
import { clubChangedBySystem } from './club-admin-events.js';

/**
 * After a tag change, in its transaction: the whole tag set (TagChanged is a snapshot, so a consumer
 * that missed one is right again with the next), and a ClubUpdated for each club whose tag ids moved.
 */
export async function announceTags(tx: Tx, outbox: Outbox, changedClubs: Map<string, Set<string>>) {
  const metadata = metadataRepository(tx);
  const snapshot = { tags: await metadata.tags(), num_user_tags: await metadata.numUserTags() };
  const events: EventEnvelope[] = [makeEvent(TagChangedV1, snapshot, 'catalog')];
  const clubs = clubRepository(tx);
  for (const [clubId, fields] of changedClubs) {
    const club = await clubs.findById(clubId);
    if (club) events.push(clubChangedBySystem(club, [...fields]));
  }
  await outbox.append(tx, events);
}
