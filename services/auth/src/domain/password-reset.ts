import { AppError } from '@sproul/common';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { sendEmailLink } from './email-links.js';
import { checkPassword, hashPassword } from './password-hasher.js';
import { isStrongPassword } from './password-policy.js';
import { hashToken } from './secret-tokens.js';
import { denySessions } from './sessions.js';

const weakPassword = () => new AppError('AUTH.WEAK_PASSWORD', 400, 'The password is not strong enough');

/** Emails a reset link (valid 30 minutes) to an account with a password; the same answer for any email. */
export async function requestPasswordReset(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    if (account?.passwordHash) await sendEmailLink(ctx, unit, account, 'reset');
  });
}

/** Sets a new password from a reset link, and ends every session of the account. */
export async function confirmPasswordReset(ctx: AuthContext, token: string, password: string) {
  const strong = isStrongPassword(password);
  const passwordHash = strong ? await hashPassword(password) : undefined;
  const ended = await ctx.transaction(async (unit) => {
    const accountId = await unit.emailTokens.consume(hashToken(token), 'reset');
    if (!accountId) throw new AppError('AUTH.INVALID_LINK', 404, 'The recovery token is invalid!');
    // Throwing here rolls the consumption back: a weak password does not burn the link.
    if (!passwordHash) throw weakPassword();
    await unit.accounts.update(accountId, { passwordHash });
    await unit.emailTokens.voidAll(accountId, 'reset');
    return unit.sessions.revokeAll(accountId, 'password-reset');
  });
  await denySessions(ctx, ended);
}

/** Changes the password of a signed-in account after checking the old one; every session ends. */
export async function changePassword(
  ctx: AuthContext,
  accountId: string,
  oldPassword: string,
  newPassword: string,
) {
  const account = await ctx.read.accounts.findById(accountId);
  if (!account || !(await checkPassword(account.passwordHash, oldPassword))) {
    throw new AppError('AUTH.WRONG_PASSWORD', 400, 'The old password is incorrect.');
  }
  if (oldPassword === newPassword) {
    throw new AppError('AUTH.SAME_PASSWORD', 400, 'The old and new passwords are identical.');
  }
  if (!isStrongPassword(newPassword)) {
    throw new AppError('AUTH.WEAK_PASSWORD', 400, 'The new password is not strong enough');
  }
  const passwordHash = await hashPassword(newPassword);
  const ended = await ctx.transaction(async (unit) => {
    await unit.accounts.update(accountId, { passwordHash });
    await unit.emailTokens.voidAll(accountId, 'reset');
    return unit.sessions.revokeAll(accountId, 'password-change');
  });
  await denySessions(ctx, ended);
}
