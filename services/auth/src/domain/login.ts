import type { Role } from '@sproul/common/auth';
import type { Account } from '../data-access/account-repository.js';
import { badCredentials } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { checkPassword } from './password-hasher.js';
import { type SessionTokens, startSession } from './sessions.js';

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
): Promise<SessionTokens> {
  const account: Account | undefined = await authenticate(ctx, email, password, roles);
  if (!account) throw badCredentials();
  return ctx.transaction((unit) => startSession(ctx, unit, account));
}
