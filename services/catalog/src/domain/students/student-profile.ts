import { repositories } from '../../data-access/repositories.js';
import type { CatalogContext } from '../catalog-context.js';
import { isVisible } from '../clubs/club-summary.js';
import { clubBoard } from './club-board.js';
import { recommendedForStudent } from './recommended-for-student.js';
import { ensureStudentProfile, type Student } from './student-identity.js';
import { pickRows, studentLookups } from './student-profile-lookups.js';
import { withEvents } from './with-events.js';

export async function studentProfile(
  ctx: Pick<CatalogContext, 'db' | 'logger' | 'studentClubs'>,
  student: Student,
) {
  const { db } = ctx;
  const repos = repositories(db);
  const profile = await ensureStudentProfile(repos, student);
  const [metadata, favorites, board, visited] = await Promise.all([
    studentLookups(repos),
    repos.students.favoriteClubs(student.userId),
    clubBoard(db, student),
    repos.students.visitedClubs(student.userId),
  ]);
  return {
    profile,
    majors: pickRows(metadata.majors, profile.majors),
    minors: pickRows(metadata.minors, profile.minors),
    interests: pickRows(metadata.tags, profile.interests),
    year: metadata.years.find((year) => year.id === profile.year) ?? null,
    favorites: await withEvents(db, favorites),
    board,
    visited: visited.filter(isVisible),
    recommended: await recommendedForStudent(ctx, { profile, favorites, visited }),
  };
}

export type StudentProfileDetails = Awaited<ReturnType<typeof studentProfile>>;
