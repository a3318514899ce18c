import { ClubMembersCountedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { recordMemberCount } from '../../domain/clubs/record-member-count.js';

/** Engagement counted a club's members again: the club's page and list entry show the new count. */
export const showMemberCountWhenClubMembersCounted = () =>
  on(ClubMembersCountedV1, async (event, tx) => {
    await recordMemberCount(tx, event.data);
  });
