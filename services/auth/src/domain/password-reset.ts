import { AccountConfirmedV1, makeEvent } from '@sproul/common/events';
import { invalidLink, samePassword, weakPassword, wrongPassword } from '../errors.js';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { sendEmailLink } from './email-links.js';
import { checkPassword, hashPassword } from './password-hasher.js';
import { isStrongPassword } from './password-policy.js';
import { replacePassword } from './replace-password.js';
import { hashToken } from './secret-tokens.js';
import { denySessions } from './sessions.js';

/**
 * Emails a reset link (valid 30 minutes); the same answer for any email. Accounts without a password
 * (sign-on, or one dropped when the owner proved the address) set one this way.
 */
export async function requestPasswordReset(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    if (account) await sendEmailLink(ctx, unit, account, 'reset');
  });
}

/**
 * Sets a new password from a reset link, ending every session and every link emailed before. The
 * link proves the address, so an unconfirmed account is confirmed by it.
 */
export async function confirmPasswordReset(ctx: AuthContext, token: string, password: string) {
  const strong = isStrongPassword(password);
  const passwordHash = strong ? await hashPassword(password) : undefined;
  const ended = await ctx.transaction(async (unit) => {
    const accountId = await unit.emailTokens.consume(hashToken(token), 'reset');
    const account = accountId ? await unit.accounts.findById(accountId) : undefined;
    if (!account) throw invalidLink('The recovery token is invalid!');
    // Throwing here rolls the consumption back: a weak password does not burn the link.
    if (!passwordHash) throw weakPassword();
    if (!account.confirmed) {
      await unit.accounts.update(account.id, { confirmed: true, confirmedAt: new Date() });
      await unit.publish(
        makeEvent(
          AccountConfirmedV1,
          { userId: account.id, email: account.email, role: account.role },
          SOURCE,
        ),
      );
    }
    return replacePassword(unit, account.id, passwordHash, 'password-reset');
  });
  await denySessions(ctx, ended);
}

/** Refuses unless `password` is the account's current one (a stolen access token is not enough). */
export async function assertCurrentPassword(
  ctx: AuthContext,
  accountId: string,
  password: string,
  reason: string,
) {
  const account = await ctx.read.accounts.findById(accountId);
  if (!(await checkPassword(account?.passwordHash, password))) {
    throw wrongPassword(reason);
  }
}

/** Changes the password of a signed-in account after checking the old one; every session ends. */
export async function changePassword(
  ctx: AuthContext,
  accountId: string,
  oldPassword: string,
  newPassword: string,
) {
  await assertCurrentPassword(ctx, accountId, oldPassword, 'The old password is incorrect.');
  if (oldPassword === newPassword) {
    throw samePassword();
  }
  if (!isStrongPassword(newPassword)) {
    throw weakPassword('The new password is not strong enough');
  }
  const passwordHash = await hashPassword(newPassword);
  const ended = await ctx.transaction((unit) =>
    replacePassword(unit, accountId, passwordHash, 'password-change'),
  );
  await denySessions(ctx, ended);
}
