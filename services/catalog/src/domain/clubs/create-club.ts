import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type Club, clubRepository, type NewClub } from '../../data-access/club-repository.js';
import { uniqueLinkName } from './club-link-name.js';
import { clubCreatedEvents } from './club-state-events.js';

export type ClubDraft = Omit<NewClub, 'id' | 'linkName' | 'eventsText'>;

/**
 * Creates an officer's club under a unique slug of its name and announces it (ClubCreated), in the
 * caller's transaction. An owner who already has a club keeps it: undefined then, and no event.
 */
export async function createClub(tx: Tx, outbox: Outbox, draft: ClubDraft): Promise<Club | undefined> {
  const clubs = clubRepository(tx);
  if (await clubs.findByOwner(draft.ownerUserId)) return undefined;
  const linkName = await uniqueLinkName(clubs, draft.name);
  const club = await clubs.insert({ ...draft, linkName });
  if (!club) return undefined;
  await outbox.append(tx, await clubCreatedEvents(tx, [club]));
  return club;
}
