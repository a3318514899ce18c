import type { Db } from '@sproul/common/db';
import { activityCounts } from '../../data-access/activity-queries.js';

/** Upstream's activity card, with a real search count (upstream answered "N/A"). */
export async function activityStats(db: Db, now: Date) {
  const counts = await activityCounts(db, now);
  return {
    active_club_admins: counts.officers,
    active_students: counts.students,
    catalog_searches: counts.searches,
  };
}
