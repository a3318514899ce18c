import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { lockStudentProfile } from '../../data-access/student-profile-lock.js';
import { holdTagIds } from '../../data-access/tag-id-lock.js';
import type { CatalogContext } from '../catalog-context.js';
import { announceStudentProfile } from './announce-student-profile.js';
import { assertKnownIds } from './known-student-ids.js';
import { ensureStudentProfile, type Student } from './student-identity.js';
import { studentProfile } from './student-profile.js';

export interface StudentProfileEdit {
  full_name?: string;
  majors?: number[];
  minors?: number[];
  interests?: number[];
  year?: number | null;
}

/** Partial: keys absent stay. Unknown major, minor, tag or year ids are a 400 naming them. */
export async function editStudentProfile(
  ctx: { db: Db; outbox: Outbox } & Pick<CatalogContext, 'logger' | 'studentClubs'>,
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
  return studentProfile(ctx, student);
}
