import type { Repositories } from '../../data-access/repositories.js';
import { invalidBody } from '../../errors.js';

import type { StudentProfileEdit } from './edit-student-profile.js';
import { studentLookups } from './student-profile-lookups.js';

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

function unknownIds(field: string, ids: number[] | undefined, rows: { id: number }[]) {
  const unknown = (ids ?? []).filter((id) => !rows.some((row) => row.id === id));
  return unknown.length > 0 ? { field, errors: [`unknown ids: ${unknown.join(', ')}`] } : undefined;
}
