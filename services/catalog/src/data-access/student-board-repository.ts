import type { DbOrTx } from '@sproul/common/db';
import { asc, eq } from 'drizzle-orm';
import type { Club } from './club-repository.js';
import { clubs, studentBoardEntries } from './schema.js';

export type BoardColumn = (typeof studentBoardEntries.$inferSelect)['column'];
export const BOARD_COLUMNS: BoardColumn[] = ['interested_clubs', 'applied_clubs', 'interviewed_clubs'];

/** A student's club board: three ordered columns of clubs. */
export const studentBoardRepository = (db: DbOrTx) => ({
  /** The club board, each column in the student's order. */
  async board(userId: string): Promise<Record<BoardColumn, Club[]>> {
    const rows = await db
      .select({ column: studentBoardEntries.column, club: clubs })
      .from(studentBoardEntries)
      .innerJoin(clubs, eq(clubs.id, studentBoardEntries.clubId))
      .where(eq(studentBoardEntries.studentId, userId))
      .orderBy(asc(studentBoardEntries.position));
    const board: Record<BoardColumn, Club[]> = {
      interested_clubs: [],
      applied_clubs: [],
      interviewed_clubs: [],
    };
    for (const row of rows) board[row.column].push(row.club);
    return board;
  },

  /** Replaces the whole board; a column may be empty. */
  async replaceBoard(userId: string, board: Record<BoardColumn, string[]>) {
    await db.delete(studentBoardEntries).where(eq(studentBoardEntries.studentId, userId));
    const values = BOARD_COLUMNS.flatMap((column) =>
      [...new Set(board[column])].map((clubId, position) => ({
        studentId: userId,
        clubId,
        column,
        position,
      })),
    );
    if (values.length > 0) await db.insert(studentBoardEntries).values(values);
  },
});
