import type { Db } from '@sproul/common/db';
import { repositories } from '../../data-access/repositories.js';
import { lockStudentProfile } from '../../data-access/student-profile-lock.js';
import { BOARD_COLUMNS, type BoardColumn } from '../../data-access/student-profile-repository.js';
import { clubsByLinkNames, withEvents } from './student-clubs.js';
import { ensureStudentProfile, type Student } from './student-identity.js';

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

/**
 * Replaces the columns sent (an empty one empties it; upstream refused that) and keeps the others.
 * Every club named must exist; the board is written in one transaction.
 */
export async function replaceClubBoard(
  db: Db,
  student: Student,
  edit: Partial<Record<BoardColumn, string[]>>,
) {
  await db.transaction(async (tx) => {
    const repos = repositories(tx);
    await ensureStudentProfile(repos, student);
    await lockStudentProfile(tx, student.userId);
    const current = await repos.students.board(student.userId);
    const next = {} as Record<BoardColumn, string[]>;
    for (const column of BOARD_COLUMNS) {
      const sent = edit[column];
      next[column] =
        sent === undefined
          ? current[column].map((club) => club.id)
          : (await clubsByLinkNames(repos, sent, { visibleOnly: true })).map((club) => club.id);
    }
    await repos.students.replaceBoard(student.userId, next);
  });
  return clubBoard(db, student);
}
