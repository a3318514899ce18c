import { invalidLink } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { sendEmailLink } from './email-links.js';
import { confirmForProvenOwner } from './prove-address.js';
import { hashToken } from './secret-tokens.js';
import { denySessions, type SessionTokens, startSession } from './sessions.js';

/** Emails a single-use sign-in link valid 15 minutes; the same answer whether or not the account exists. */
export async function requestMagicLink(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(email);
    // Admins sign in with their password only: a mailbox compromise must not reach the dashboard.
    if (account && account.role !== 'admin') await sendEmailLink(ctx, unit, account, 'magic');
  });
}

/**
 * Signs in with a magic link. Following it proves the address, so it also confirms the account; an
 * unconfirmed account's password and sessions were set up by someone who had not, and end. It is an
 * officer sign-in (`/api/user`, as Flux's and LCS's): an account running a club, a student included,
 * acts as its officer; any other acts as its own kind, for no club.
 */
export async function signInWithMagicLink(ctx: AuthContext, token: string): Promise<SessionTokens> {
  const { tokens, ended } = await ctx.transaction(async (unit) => {
    const accountId = await unit.emailTokens.consume(hashToken(token), 'magic');
    const account = accountId ? await unit.accounts.findById(accountId) : undefined;
    if (!account) throw invalidLink('The sign-in link is invalid or has expired.');
    const ended = account.confirmed ? [] : await confirmForProvenOwner(unit, account);
    return { tokens: await startSession(ctx, unit, { ...account, confirmed: true }, 'officer'), ended };
  });
  await denySessions(ctx, ended);
  return tokens;
}
