import { AccountConfirmedV1, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { officerChanged } from './officer-changes.js';
import { hashPassword } from './password-hasher.js';

export type DemoAccount =
  | { role: 'officer'; email: string; password: string; name: string; clubId: string }
  | { role: 'student'; email: string; password: string; name: string };

/**
 * The embedded mode's demo accounts: created confirmed on first start; on later starts an existing one
 * is left as it is (its password too: hashing one takes a noticeable part of a start on a busy machine),
 * but the officer is linked again to their demo club. Never over HTTP.
 * The officer gets no UserRegistered: the catalog would create a second club for it; the student's
 * announces them as a sign-up would, so the catalog starts their profile.
 */
export async function ensureDemoAccount(ctx: Pick<AuthContext, 'transaction'>, demo: DemoAccount) {
  const email = normalizeEmail(demo.email);
  const clubId = demo.role === 'officer' ? demo.clubId : null;
  const existing = await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    if (account && account.role !== demo.role) {
      throw new Error(`${email} already belongs to a ${account.role} account`);
    }
    if (account && clubId && account.clubId !== clubId) await unit.accounts.update(account.id, { clubId });
    if (account && clubId) await ownDemoClub(unit, account, clubId);
    return account;
  });
  if (existing) return 'kept' as const;
  // Hashing takes tens of milliseconds: before, not inside, the transaction.
  const passwordHash = await hashPassword(demo.password);
  return ctx.transaction(async (unit) => {
    const account = await unit.accounts.insert({
      email,
      role: demo.role,
      name: demo.name,
      passwordHash,
      confirmed: true,
      confirmedAt: new Date(),
      clubId,
    });
    if (!account) return 'kept' as const; // created meanwhile by another start of the same data
    // The demo officer owns the demo club (its tokens act for it).
    if (clubId) await ownDemoClub(unit, account, clubId);
    if (demo.role === 'student') {
      await unit.publish(
        makeEvent(
          UserRegisteredV1,
          { userId: account.id, email, role: 'student', name: demo.name, club: null },
          SOURCE,
        ),
        makeEvent(AccountConfirmedV1, { userId: account.id, email, role: 'student' }, SOURCE),
      );
    }
    return 'created' as const;
  });
}

/**
 * The demo officer owns the demo club, announced as ClubOfficerChanged like any grant: the catalog's
 * ClubCreated for the demo club finds the grant already made and announces nothing, so without this
 * engagement would never learn who runs the club (its roster would refuse the demo officer).
 */
async function ownDemoClub(unit: Work, account: Account, clubId: string) {
  if (!(await unit.officers.grant(clubId, account.id, 'owner', null))) return;
  await unit.publish(
    officerChanged(
      { clubId, accountId: account.id, email: account.email, name: account.name },
      'owner',
      null,
    ),
  );
}
