import type { Db } from '@sproul/common/db';
import { repositories } from '../../data-access/repositories.js';
import type { Student } from './student-identity.js';
import { withEvents } from './with-events.js';

/** The student's club board: three ordered columns of clubs, each with its events. */
export async function clubBoard(db: Db, student: Student) {
  const repos = repositories(db);
  const board = await repos.students.board(student.userId);
  return {
    interested_clubs: await withEvents(db, board.interested_clubs),
    applied_clubs: await withEvents(db, board.applied_clubs),
    interviewed_clubs: await withEvents(db, board.interviewed_clubs),
  };
}
