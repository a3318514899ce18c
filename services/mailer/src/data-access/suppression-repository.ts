import type { DbOrTx } from '@sproul/common/db';
import { and, eq, inArray } from 'drizzle-orm';
import { suppressions } from './schema.js';

export type SuppressionReason = (typeof suppressions.$inferInsert)['reason'];

/** Addresses not to mail, in a scope: `all` (bounces, complaints) or a bulk category (unsubscribes). */
export const suppressionList = (db: DbOrTx) => ({
  async isSuppressed(address: string, scopes: string[]): Promise<boolean> {
    const rows = await db
      .select({ scope: suppressions.scope })
      .from(suppressions)
      .where(and(eq(suppressions.address, address.toLowerCase()), inArray(suppressions.scope, scopes)))
      .limit(1);
    return rows.length > 0;
  },

  /** The scopes each of `addresses` is suppressed in (lower-cased addresses), among `scopes`. */
  async scopesOf(addresses: string[], scopes: string[]): Promise<{ address: string; scope: string }[]> {
    if (addresses.length === 0 || scopes.length === 0) return [];
    return db
      .select({ address: suppressions.address, scope: suppressions.scope })
      .from(suppressions)
      .where(
        and(
          inArray(
            suppressions.address,
            addresses.map((a) => a.toLowerCase()),
          ),
          inArray(suppressions.scope, scopes),
        ),
      );
  },

  async add(address: string, scope: string, reason: SuppressionReason) {
    await db
      .insert(suppressions)
      .values({ address: address.toLowerCase(), scope, reason })
      .onConflictDoNothing();
  },
});
