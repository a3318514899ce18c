import type { Role } from '@sproul/common/auth';
import type { Account } from '../data-access/account-repository.js';
import { badCredentials } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { checkPassword } from './password-hasher.js';
import { type SessionTokens, type SignInPath, startSession } from './sessions.js';

export async function authenticate(ctx: AuthContext, rawEmail: string, password: string, roles: Role[]) {
  const account = await ctx.read.accounts.findByEmail(normalizeEmail(rawEmail));
  const ok = await checkPassword(account?.passwordHash, password);
  if (!ok || !account || !roles.includes(account.role)) return undefined;
  return account;
}

export async function login(
  ctx: AuthContext,
  email: string,
  password: string,
  roles: Role[],
  path: SignInPath,
): Promise<SessionTokens> {
  const account: Account | undefined = await authenticate(ctx, email, password, roles);
  if (!account) throw badCredentials();
  return ctx.transaction((unit) => startSession(ctx, unit, account, path));
}

/**
 * `/api/user/login`: officers and members as upstream, and students who run a club (an accepted
 * invitation), whose session then acts as an officer of it. A student running none is refused as any
 * wrong role is, with the same answer as a wrong password.
 */
export async function officerLogin(
  ctx: AuthContext,
  email: string,
  password: string,
): Promise<SessionTokens> {
  const account = await authenticate(ctx, email, password, ['officer', 'member', 'student']);
  if (!account) throw badCredentials();
  if (account.role === 'student' && !(await ctx.read.officers.defaultClub(account.id)))
    throw badCredentials();
  return ctx.transaction((unit) => startSession(ctx, unit, account, 'officer'));
}
