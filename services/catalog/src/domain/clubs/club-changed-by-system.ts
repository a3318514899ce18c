import { ClubUpdatedV1, makeEvent } from '@sproul/common/events';
import type { Club } from '../../data-access/club-repository.js';
import { clubSummary } from './club-summary.js';

/**
 * ClubUpdated for a change the platform made rather than the officer (a recruiting deadline passed, a
 * tag was renumbered): the club's `last_updated` stays, since it tells readers when its page was edited.
 */
export const clubChangedBySystem = (club: Club, changed: string[]) =>
  makeEvent(ClubUpdatedV1, { clubId: club.id, changed, club: clubSummary(club) }, 'catalog');
