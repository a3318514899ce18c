import type { DbOrTx } from '@sproul/common/db';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import { emailTokens } from './schema.js';

export type EmailTokenKind = 'confirm' | 'reset' | 'magic';

export const emailTokenRepository = (db: DbOrTx) => ({
  async create(tokenHash: string, accountId: string, kind: EmailTokenKind, expiresAt: Date) {
    await db.insert(emailTokens).values({ tokenHash, accountId, kind, expiresAt });
  },

  /** Marks the token used and returns its account, only if it exists, is of that kind, unused and unexpired. */
  async consume(tokenHash: string, kind: EmailTokenKind): Promise<string | undefined> {
    const [row] = await db
      .update(emailTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(emailTokens.tokenHash, tokenHash),
          eq(emailTokens.kind, kind),
          isNull(emailTokens.usedAt),
          gt(emailTokens.expiresAt, new Date()),
        ),
      )
      .returning({ accountId: emailTokens.accountId });
    return row?.accountId;
  },

  /** Voids every unused token of these kinds (a new password voids the links emailed before it). */
  async voidAll(accountId: string, kinds: EmailTokenKind[]) {
    await db
      .update(emailTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(emailTokens.accountId, accountId),
          inArray(emailTokens.kind, kinds),
          isNull(emailTokens.usedAt),
        ),
      );
  },
});
