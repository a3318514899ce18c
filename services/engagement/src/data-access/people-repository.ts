import type { DbOrTx } from '@sproul/common/db';
import { eq } from 'drizzle-orm';
import { people, studentProfiles } from './schema.js';

export type Profile = typeof studentProfiles.$inferSelect;

/** Engagement's copy of students: who they are (name, email) and what they study. */
export const peopleRepository = (db: DbOrTx) => ({
  async upsertPerson(accountId: string, email: string, name: string | null) {
    await db
      .insert(people)
      .values({ accountId, email, name })
      .onConflictDoUpdate({ target: people.accountId, set: { email, name } });
  },
  /** The person's email; their name stays what it was (null for someone new). */
  async upsertEmail(accountId: string, email: string) {
    await db
      .insert(people)
      .values({ accountId, email, name: null })
      .onConflictDoUpdate({ target: people.accountId, set: { email } });
  },
  async upsertProfile(accountId: string, year: number | null, majors: number[]) {
    await db
      .insert(studentProfiles)
      .values({ accountId, year, majors })
      .onConflictDoUpdate({ target: studentProfiles.accountId, set: { year, majors } });
  },
  async profile(accountId: string): Promise<Profile | undefined> {
    const [row] = await db.select().from(studentProfiles).where(eq(studentProfiles.accountId, accountId));
    return row;
  },
  async forget(accountId: string) {
    await db.delete(people).where(eq(people.accountId, accountId));
    await db.delete(studentProfiles).where(eq(studentProfiles.accountId, accountId));
  },
});
