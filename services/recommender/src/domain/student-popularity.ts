import type { Db } from '@sproul/common/db';
import { studentProfileRepository } from '../data-access/student-profile-repository.js';

/**
 * A change is announced before its transaction commits, so a count taken just then may miss it:
 * counts are also never older than this.
 */
const MAX_AGE_MS = 5000;

/**
 * How many students follow each club, overall and per major: one aggregate over every profile, so it
 * is computed once and kept until a profile changes (or a few seconds), not on every request.
 */
export function studentPopularity(db: Db) {
  const counts = new Map<string, { at: number; value: Promise<Map<string, number>> }>();
  const cached = (key: string, load: () => Promise<Map<string, number>>) => {
    const hit = counts.get(key);
    if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.value;
    const value = load();
    counts.set(key, { at: Date.now(), value });
    value.catch(() => counts.delete(key));
    return value;
  };
  return {
    followers: () => cached('all', () => studentProfileRepository(db).followers()),
    followersWithMajor: (major: number) =>
      cached(`major:${major}`, () => studentProfileRepository(db).followersWithMajor(major)),
    /** A profile changed: the next request counts again. */
    changed() {
      counts.clear();
    },
  };
}
