import type { DbOrTx } from '@sproul/common/db';
import type { Club } from '../../data-access/club-repository.js';
import { clubUpdatedEvents } from './club-state-events.js';

/**
 * ClubUpdated for changes the platform made rather than the officer (a recruiting deadline passed, a
 * tag was renumbered): the clubs' `last_updated` stays, since it tells readers when a page was edited.
 */
export const clubsChangedBySystem = (db: DbOrTx, changes: { club: Club; changed: string[] }[]) =>
  clubUpdatedEvents(db, changes);
