import { accountConfirmed, accountNotFound } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { removeAccount } from './self-service.js';
import { denySessions } from './sessions.js';

/**
 * An admin removes an account nobody has confirmed (a registration under someone else's address):
 * its sessions end, AccountDeleted makes the catalog remove its club, and the address is free again.
 * A confirmed account is its owner's: they delete it, or an admin deletes its club.
 */
export async function removeUnconfirmedRegistration(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  const ended = await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    if (!account) throw accountNotFound();
    if (account.confirmed) {
      throw accountConfirmed();
    }
    return removeAccount(unit, account);
  });
  await denySessions(ctx, ended);
}
