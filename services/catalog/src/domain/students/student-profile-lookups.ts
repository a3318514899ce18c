import type { Repositories } from '../../data-access/repositories.js';

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
