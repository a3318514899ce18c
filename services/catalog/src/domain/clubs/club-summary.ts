import type { clubSummarySchema } from '@sproul/common/events';
import type { z } from 'zod';
import type { Club } from '../../data-access/club-repository.js';

/** In the public catalog: confirmed by its officer, active, and not hidden by an admin. */
export const isVisible = (club: Pick<Club, 'confirmed' | 'reactivated' | 'hidden'>) =>
  club.confirmed && club.reactivated && !club.hidden;

/** What ClubCreated / ClubUpdated tell other services about a club. */
export const clubSummary = (club: Club): z.input<typeof clubSummarySchema> => ({
  name: club.name,
  link_name: club.linkName,
  tags: club.tags,
  num_users: club.numUsers,
  app_required: club.appRequired,
  new_members: club.newMembers,
  about_us: club.aboutUs,
  get_involved: club.getInvolved,
  visible: isVisible(club),
});
