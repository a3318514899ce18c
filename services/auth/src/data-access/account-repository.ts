import type { DbOrTx } from '@sproul/common/db';
import { eq } from 'drizzle-orm';
import { accounts } from './schema.js';

export type Account = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

export const accountRepository = (db: DbOrTx) => ({
  /** Inserts unless the email is taken; undefined when it was. */
  async insert(account: NewAccount): Promise<Account | undefined> {
    const [row] = await db
      .insert(accounts)
      .values(account)
      .onConflictDoNothing({ target: accounts.email })
      .returning();
    return row;
  },

  async update(id: string, changes: Partial<NewAccount>) {
    await db.update(accounts).set(changes).where(eq(accounts.id, id));
  },

  async delete(id: string) {
    await db.delete(accounts).where(eq(accounts.id, id));
  },
});
