import { ClubDeletedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { rsvpRepository } from '../../data-access/rsvp-repository.js';
import { endClub } from '../../domain/memberships/end-memberships.js';

/** A deleted club: its memberships, questions, team, events and RSVPs go; the club stays a tombstone. */
export const endMembershipsWhenClubDeleted = () =>
  on(ClubDeletedV1, async ({ data }, tx) => {
    await endClub(tx, data.clubId, data.link_name);
    await rsvpRepository(tx).dropClubEvents(data.clubId);
  });
