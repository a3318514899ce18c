import { AccountDeletedV1, makeEvent } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import { accountGone, adminSelfDelete, weakPassword } from '../errors.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { officerChanged } from './officer-changes.js';
import { hashPassword } from './password-hasher.js';
import { isStrongPassword } from './password-policy.js';
import { assertCurrentPassword } from './password-reset.js';
import { removePhoneOf } from './phone-numbers.js';
import { replacePassword } from './replace-password.js';
import { denySessions } from './sessions.js';

export interface Profile {
  id: string;
  email: string;
  name: string | null;
  role: string;
  confirmed: boolean;
}

export async function getProfile(ctx: AuthContext, accountId: string): Promise<Profile> {
  const account = await ctx.read.accounts.findById(accountId);
  if (!account) throw accountGone();
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    confirmed: account.confirmed,
  };
}

/**
 * Changes the name and/or password. A new password needs the current one (an access token alone must
 * not be a permanent takeover) and ends every session and emailed link, as any password change does.
 */
export async function updateProfile(
  ctx: AuthContext,
  accountId: string,
  changes: { name?: string | null; password?: string; currentPassword?: string },
) {
  if (changes.password !== undefined) {
    await assertCurrentPassword(
      ctx,
      accountId,
      changes.currentPassword ?? '',
      'The current password is incorrect.',
    );
    if (!isStrongPassword(changes.password)) {
      throw weakPassword();
    }
  }
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  const ended = await ctx.transaction(async (unit) => {
    if (!(await unit.accounts.findById(accountId))) throw accountGone();
    if (changes.name !== undefined) await unit.accounts.update(accountId, { name: changes.name });
    return passwordHash ? replacePassword(unit, accountId, passwordHash, 'password-change') : [];
  });
  await denySessions(ctx, ended);
}

/**
 * Deletes the account and everything auth keeps about it, ends its sessions, and announces it:
 * the catalog removes the officer's club or the student's profile.
 */
export async function deleteAccount(ctx: AuthContext, accountId: string) {
  const ended = await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findById(accountId);
    if (!account) throw accountGone();
    if (account.role === 'admin') {
      throw adminSelfDelete();
    }
    return removeAccount(unit, account);
  });
  await denySessions(ctx, ended);
}

/**
 * Removes an account within a unit of work: its sessions and club grants end and AccountDeleted is
 * published with it.
 * Answers the ended sessions' ids, for the caller to put on the denylist.
 */
export async function removeAccount(unit: Work, account: Account): Promise<string[]> {
  const sessions = await unit.sessions.revokeAll(account.id, 'account-deleted');
  // Its places in club teams end with it (the rows go by cascade); each is announced.
  for (const grant of await unit.officers.clubsOf(account.id)) {
    await unit.publish(officerChanged(grant, null, null));
  }
  // Its phone number goes with it (the rows by cascade): PhoneNumberChanged says so to those who copy it.
  await removePhoneOf(unit, account.id);
  await unit.accounts.delete(account.id);
  await unit.publish(
    makeEvent(
      AccountDeletedV1,
      { userId: account.id, email: account.email, role: account.role, clubId: account.clubId },
      SOURCE,
    ),
  );
  return sessions;
}
