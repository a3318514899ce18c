import type { Db } from '@sproul/common/db';
import { repositories } from '../../data-access/repositories.js';
import type { Student } from './student-identity.js';
import { withEvents } from './with-events.js';

export const MAX_FAVORITES = 100;

/** Favourite clubs in the order the student added them, with their events (upstream's answer). */
export async function favoriteClubs(db: Db, student: Student) {
  const repos = repositories(db);
  const clubs = await repos.students.favoriteClubs(student.userId);
  return withEvents(db, clubs);
}
