import type { Db } from '@sproul/common/db';
import { clubCatalogRepository } from '../../data-access/club-catalog-repository.js';
import type { Club } from '../../data-access/club-repository.js';
import { repositories } from '../../data-access/repositories.js';
import type { StudentProfile } from '../../data-access/student-profile-repository.js';
import { clubBoard } from './club-board.js';
import { ensureStudentProfile, type Student } from './student-identity.js';
import { pickRows, studentLookups } from './student-profile-lookups.js';
import { withEvents } from './with-events.js';

export const RECOMMENDED_FOR_STUDENT = 3;

export async function studentProfile(db: Db, student: Student) {
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
    visited: visited.filter((club) => club.confirmed && club.reactivated),
    recommended: await recommendedForStudent(db, profile, favorites),
  };
}

export type StudentProfileDetails = Awaited<ReturnType<typeof studentProfile>>;

/**
 * Upstream answered three random clubs ("smart" ones were a TODO). Here: visible clubs sharing the most
 * of the student's interests, not already favourites, then the most recently updated.
 */
async function recommendedForStudent(db: Db, profile: StudentProfile, favorites: Club[]) {
  const favorite = new Set(favorites.map((club) => club.id));
  // `sharingTags` leaves out one club (the page's own); no club has the nil UUID, so none is left out.
  const candidates = await clubCatalogRepository(db).sharingTags(
    { id: '00000000-0000-0000-0000-000000000000', tags: profile.interests },
    RECOMMENDED_FOR_STUDENT + favorite.size,
  );
  return candidates.filter((club) => !favorite.has(club.id)).slice(0, RECOMMENDED_FOR_STUDENT);
}
