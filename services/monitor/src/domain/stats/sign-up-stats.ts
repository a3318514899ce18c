import type { Db } from '@sproul/common/db';
import { signUpCounts, signUpHistory } from '../../data-access/sign-up-queries.js';

/**
 * Upstream's sign-up overview: totals, the last 7 days, and 10 weekly counts oldest first. Confirmed
 * and reactivated counts go by the time of the confirmation and the reactivation (upstream's history
 * went by registration for all three).
 */
export async function signUpStats(db: Db, now: Date) {
  const counts = await signUpCounts(db, now);
  return {
    club_admin: {
      main: {
        clubs_registered: counts.officers,
        clubs_confirmed: counts.officers_confirmed,
        clubs_reactivated: counts.clubs_reactivated,
        clubs_rso_list: counts.rso_list,
      },
      changed: {
        clubs_registered: counts.officers_new,
        clubs_confirmed: counts.officers_confirmed_new,
        clubs_reactivated: counts.clubs_reactivated_new,
      },
      history: await signUpHistory(db, now),
    },
    student: {
      main: { students_signed_up: counts.students, students_confirmed: counts.students_confirmed },
      changed: { students_signed_up: counts.students_new, students_confirmed: counts.students_confirmed_new },
    },
  };
}
