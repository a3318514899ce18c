import type { DbOrTx } from '@sproul/common/db';
import { eq, gt } from 'drizzle-orm';
import type { Account } from './account-repository.js';
import { accounts } from './schema.js';

/** An account found by each of the keys that name it. */
export const accountLookups = (db: DbOrTx) => ({
  async findByEmail(email: string): Promise<Account | undefined> {
    const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
    return row;
  },

  async findByOidcSubject(subject: string): Promise<Account | undefined> {
    const [row] = await db.select().from(accounts).where(eq(accounts.oidcSubject, subject));
    return row;
  },

  /** A page of every account in id order after `afterId` (replays walk them with it). */
  async pageById(afterId: string | undefined, limit: number): Promise<Account[]> {
    return db
      .select()
      .from(accounts)
      .where(afterId ? gt(accounts.id, afterId) : undefined)
      .orderBy(accounts.id)
      .limit(limit);
  },

  /** Every admin account, by email; `forUpdate` locks them (revocations queue up behind each other). */
  async admins(forUpdate = false): Promise<Account[]> {
    const query = db.select().from(accounts).where(eq(accounts.role, 'admin')).orderBy(accounts.email);
    return forUpdate ? query.for('update') : query;
  },

  async findById(id: string): Promise<Account | undefined> {
    const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
    return row;
  },
});
