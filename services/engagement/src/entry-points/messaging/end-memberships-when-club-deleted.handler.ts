import { ClubDeletedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { endClub } from '../../domain/memberships/end-memberships.js';

/** A deleted club: its memberships, questions and team go; the club stays a tombstone. */
export const endMembershipsWhenClubDeleted = () =>
  on(ClubDeletedV1, async ({ data }, tx) => endClub(tx, data.clubId, data.link_name));
