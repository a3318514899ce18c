import type { Repositories } from '../../data-access/repositories.js';
import { invalidBody } from '../../errors.js';

import type { StudentProfileEdit } from './edit-student-profile.js';

/** Unknown major, minor, tag or year ids are a 400 naming them. */
export async function assertKnownIds(repos: Repositories, edit: StudentProfileEdit) {
  const metadata = await studentLookups(repos);
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

/** The majors, minors, tags and years a student profile refers to by id. */
export async function studentLookups(repos: Repositories) {
  const [majors, minors, tags, years] = await Promise.all([
    repos.metadata.majors(),
    repos.metadata.minors(),
    repos.metadata.tags(),
    repos.metadata.years(),
  ]);
  return { majors, minors, tags, years };
}

/** The lookup rows for the stored ids, in the student's order; ids whose row was deleted drop out. */
export const pickRows = <T extends { id: number }>(rows: T[], ids: number[]) =>
  ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is T => row !== undefined);

function unknownIds(field: string, ids: number[] | undefined, rows: { id: number }[]) {
  const unknown = (ids ?? []).filter((id) => !rows.some((row) => row.id === id));
  return unknown.length > 0 ? { field, errors: [`unknown ids: ${unknown.join(', ')}`] } : undefined;
}
