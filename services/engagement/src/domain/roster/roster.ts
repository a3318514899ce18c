import type { AccessClaims } from '@sproul/common/auth';
import { clubRepository } from '../../data-access/club-repository.js';
import { rosterQueries } from '../../data-access/roster-queries.js';
import { clubForOfficer } from '../clubs/club-access.js';
import type { EngagementContext } from '../engagement-context.js';
import { toCsv } from './csv.js';
import { type ClubPerson, eachPerson, type PeopleFilter, selectPeople } from './select-people.js';

const personView = (person: ClubPerson) => ({
  id: person.membershipId,
  account_id: person.accountId,
  name: person.name,
  email: person.email,
  status: person.status,
  year: person.year,
  major: person.major,
  has_resume: person.hasResume,
  applied_at: person.appliedAt.toISOString(),
  updated_at: person.updatedAt.toISOString(),
});

/** A club's roster and applications, filtered and paged, for its officers (admins may read). */
export async function roster(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  filter: PeopleFilter,
  page: { limit: number; offset: number },
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const { total, people } = await selectPeople(ctx.db, club.id, filter, page);
  return { total, limit: page.limit, offset: page.offset, members: people.map(personView) };
}

/** The same people as a CSV file, with a column per application question. */
export async function rosterCsv(
  ctx: EngagementContext,
  claims: AccessClaims,
  linkName: string,
  filter: PeopleFilter,
) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const questions = await clubRepository(ctx.db).questions(club.id);
  const header = [
    'id',
    'name',
    'email',
    'status',
    'year',
    'major',
    'has_resume',
    'applied_at',
    'updated_at',
    ...questions.map((question) => question.prompt),
  ];
  const rows: unknown[][] = [];
  for await (const person of eachPerson(ctx.db, club.id, filter)) {
    const view = personView(person);
    rows.push([
      view.id,
      view.name,
      view.email,
      view.status,
      view.year,
      view.major,
      view.has_resume,
      view.applied_at,
      view.updated_at,
      ...questions.map((question) => person.answers[question.id] ?? ''),
    ]);
  }
  return { fileName: `${club.linkName}-members.csv`, csv: toCsv([header, ...rows]) };
}

/** Counts by status, by year and by major (each split by status): fixed aggregates. */
export async function rosterStats(ctx: EngagementContext, claims: AccessClaims, linkName: string) {
  const club = await clubForOfficer(ctx.db, linkName, claims, 'read');
  const { byStatus, byYear, byMajor } = await rosterQueries(ctx.db).counts(club.id);
  return {
    by_status: Object.fromEntries(byStatus.map((row) => [row.status, Number(row.count)])),
    by_year: byYear.map((row) => ({ year: row.year, status: row.status, count: Number(row.count) })),
    by_major: byMajor.map((row) => ({ major: row.major, status: row.status, count: Number(row.count) })),
  };
}
