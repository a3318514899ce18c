import { ClubCreatedV2, ClubUpdatedV2 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';

// Version 2 only. The catalog publishes every change as v1 and v2 side by side, in one transaction; the
// outbox numbers each event of a club from one counter (v1 gets n, v2 n + 1: versions are shared, not
// equal), so reading both would apply each change twice. v2 is what the catalog restates in answer to a
// ReadModelReplayRequested (v1 is not restated), which the first start asks for; and a consumer of v2
// alone still sees a club's changes in order (n + 1, n + 3, …, with ClubDeleted's after them).

type Summary = { name: string; link_name: string; new_members: boolean; app_required: boolean };

const copy = (clubId: string, club: Summary) => ({
  id: clubId,
  linkName: club.link_name,
  name: club.name,
  accepting: club.new_members,
  applicationRequired: club.app_required,
});

/** Engagement's copy of a club: its link, name, and whether (and how) it takes new members. */
export const keepClubWhenClubCreated = () =>
  on(ClubCreatedV2, async ({ data }, tx) => {
    const clubs = clubRepository(tx);
    await clubs.upsert(copy(data.clubId, data.club));
    // The account that registered the club is its owner (auth says so too, with ClubOfficerChanged):
    // taken from here only while auth has named nobody, so no later change of the team is undone.
    await clubs.seedOwner(data.clubId, data.ownerUserId);
  });

/** A change of a club, or the catalog restating it (`changed: ["replay"]`): the same copy either way. */
export const keepClubWhenClubUpdated = () =>
  on(ClubUpdatedV2, async ({ data }, tx) => clubRepository(tx).upsert(copy(data.clubId, data.club)));
