import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { clubCatalogRepository } from '../data-access/club-catalog-repository.js';
import type { Club } from '../data-access/club-repository.js';
import { type Repositories, repositories } from '../data-access/repositories.js';
import { lockStudentProfile } from '../data-access/student-profile-lock.js';
import type { StudentProfile } from '../data-access/student-profile-repository.js';
import { holdTagIds } from '../data-access/tag-id-lock.js';
import { invalidBody, notOwnRegistration } from '../errors.js';
import { clubBoard } from './student-club-board.js';
import { withEvents } from './student-clubs.js';
import { ensureStudentProfile, type Student } from './student-identity.js';
import { announceStudentProfile } from './student-profile-events.js';

export interface StudentProfileEdit {
  full_name?: string;
  majors?: number[];
  minors?: number[];
  interests?: number[];
  year?: number | null;
}

export const RECOMMENDED_FOR_STUDENT = 3;

export async function studentProfile(db: Db, student: Student) {
  const repos = repositories(db);
  const profile = await ensureStudentProfile(repos, student);
  const [metadata, favorites, board, visited] = await Promise.all([
    lookups(repos),
    repos.students.favoriteClubs(student.userId),
    clubBoard(db, student),
    repos.students.visitedClubs(student.userId),
  ]);
  return {
    profile,
    majors: pick(metadata.majors, profile.majors),
    minors: pick(metadata.minors, profile.minors),
    interests: pick(metadata.tags, profile.interests),
    year: metadata.years.find((year) => year.id === profile.year) ?? null,
    favorites: await withEvents(db, favorites),
    board,
    visited: visited.filter((club) => club.confirmed && club.reactivated),
    recommended: await recommendedForStudent(db, profile, favorites),
  };
}

export type StudentProfileDetails = Awaited<ReturnType<typeof studentProfile>>;

/** Partial: keys absent stay. Unknown major, minor, tag or year ids are a 400 naming them. */
export async function editStudentProfile(
  ctx: { db: Db; outbox: Outbox },
  student: Student,
  edit: StudentProfileEdit,
) {
  await ctx.outbox.transaction(async (tx) => {
    const repos = repositories(tx);
    // Interests are tag ids: checked and written with the tag ids held (no renumbering between).
    await holdTagIds(tx);
    await assertKnownIds(repos, edit);
    const before = await ensureStudentProfile(repos, student);
    await lockStudentProfile(tx, student.userId);
    const { full_name, ...lists } = edit;
    const changes = { ...lists, ...(full_name ? { fullName: full_name } : {}) };
    const changed = Object.entries(changes)
      .filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]))
      .map(([key]) => key);
    if (changed.length === 0) return;
    await repos.students.update(student.userId, changes);
    // The name is not something recommendations are made of.
    await announceStudentProfile(
      tx,
      ctx.outbox,
      student.userId,
      changed.filter((key) => key !== 'fullName'),
    );
  });
  return studentProfile(ctx.db, student);
}

/**
 * Upstream's `POST /api/student/finish-register`, as it was meant (upstream's check was inverted, so it
 * always failed): sets the signed-in student's majors, minors and interests. The body names the student
 * by email; here it must be the token's own (case aside), so no student completes another's profile.
 */
export async function finishStudentRegistration(
  ctx: { db: Db; outbox: Outbox },
  student: Student,
  registration: { email: string; majors: number[]; minors: number[]; interests: number[] },
) {
  if (registration.email.toLowerCase() !== student.email.toLowerCase()) {
    throw notOwnRegistration();
  }
  const { majors, minors, interests } = registration;
  await editStudentProfile(ctx, student, { majors, minors, interests });
}

/** Unknown major, minor, tag or year ids are a 400 naming them. */
async function assertKnownIds(repos: Repositories, edit: StudentProfileEdit) {
  const metadata = await lookups(repos);
  const problems = [
    unknownIds('majors', edit.majors, metadata.majors),
    unknownIds('minors', edit.minors, metadata.minors),
    unknownIds('interests', edit.interests, metadata.tags),
    unknownIds(
      'year',
      edit.year === null || edit.year === undefined ? undefined : [edit.year],
      metadata.years,
    ),
  ].filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    throw invalidBody(problems);
  }
}

async function lookups(repos: Repositories) {
  const [majors, minors, tags, years] = await Promise.all([
    repos.metadata.majors(),
    repos.metadata.minors(),
    repos.metadata.tags(),
    repos.metadata.years(),
  ]);
  return { majors, minors, tags, years };
}

/** The lookup rows for the stored ids, in the student's order; ids whose row was deleted drop out. */
const pick = <T extends { id: number }>(rows: T[], ids: number[]) =>
  ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is T => row !== undefined);

function unknownIds(field: string, ids: number[] | undefined, rows: { id: number }[]) {
  const unknown = (ids ?? []).filter((id) => !rows.some((row) => row.id === id));
  return unknown.length > 0 ? { field, errors: [`unknown ids: ${unknown.join(', ')}`] } : undefined;
}

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
