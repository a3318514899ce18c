import type { DbOrTx } from '@sproul/common/db';
import { asc, count } from 'drizzle-orm';
import { majors, minors, numUserTags, tags, years } from './schema.js';

/** Lookup lists with ids 0..n-1 in list order (clients index them by position). */
export const metadataRepository = (db: DbOrTx) => ({
  tags: () => db.select().from(tags).orderBy(asc(tags.id)),
  numUserTags: () => db.select().from(numUserTags).orderBy(asc(numUserTags.id)),
  majors: () => db.select().from(majors).orderBy(asc(majors.id)),
  minors: () => db.select().from(minors).orderBy(asc(minors.id)),
  years: () => db.select().from(years).orderBy(asc(years.id)),

  /** Fills majors, minors and years from the given lists, each only while it is empty. */
  async seedStudentMetadata(lists: { majors: string[]; minors: string[]; years: string[] }) {
    const [majorCount] = await db.select({ n: count() }).from(majors);
    if (!majorCount?.n) await db.insert(majors).values(lists.majors.map((major, id) => ({ id, major })));
    const [minorCount] = await db.select({ n: count() }).from(minors);
    if (!minorCount?.n) await db.insert(minors).values(lists.minors.map((minor, id) => ({ id, minor })));
    const [yearCount] = await db.select({ n: count() }).from(years);
    if (!yearCount?.n) await db.insert(years).values(lists.years.map((year, id) => ({ id, year })));
  },
});
