import { ClubCreatedV1, ClubUpdatedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { clubRepository } from '../../data-access/club-repository.js';

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
  on(ClubCreatedV1, async ({ data }, tx) => {
    const clubs = clubRepository(tx);
    await clubs.upsert(copy(data.clubId, data.club));
    // The account that registered the club is its owner (auth says so too, with ClubOfficerChanged):
    // taken from here only while auth has named nobody, so no later change of the team is undone.
    await clubs.seedOwner(data.clubId, data.ownerUserId);
  });

export const keepClubWhenClubUpdated = () =>
  on(ClubUpdatedV1, async ({ data }, tx) => clubRepository(tx).upsert(copy(data.clubId, data.club)));
