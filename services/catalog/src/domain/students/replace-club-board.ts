import type { Db } from '@sproul/common/db';
import { repositories } from '../../data-access/repositories.js';
import { lockStudentProfile } from '../../data-access/student-profile-lock.js';
import { BOARD_COLUMNS, type BoardColumn } from '../../data-access/student-profile-repository.js';
import { clubBoard } from './club-board.js';
import { clubsByLinkNames } from './clubs-by-link-names.js';
import { ensureStudentProfile, type Student } from './student-identity.js';

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
