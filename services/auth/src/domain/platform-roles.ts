import { makeEvent, PlatformRoleChangedV1 } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import { accountNotFound, lastAdmin, roleNotHeld } from '../errors.js';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { denySessions } from './sessions.js';

// Platform roles (Flux's give_role): today only `admin`. An admin account's `role` is 'admin' (tokens
// carry it, and the monitor checks claims.role); the kind it had before the grant waits in `own_role`
// and comes back on revocation (an admin created as such becomes a plain `member`).

export type PlatformRole = 'admin';

const roleChanged = (account: Account, roles: PlatformRole[], changedBy: string) =>
  makeEvent(PlatformRoleChangedV1, { accountId: account.id, email: account.email, roles, changedBy }, SOURCE);

export async function listPlatformRoles(ctx: AuthContext) {
  const admins = await ctx.read.accounts.admins();
  return admins.map((account) => ({
    account_id: account.id,
    email: account.email,
    name: account.name,
    roles: ['admin' as const],
  }));
}

/** Makes an account an admin (idempotent). It signs in at /api/monitor/login from then on. */
export async function grantPlatformRole(
  ctx: AuthContext,
  adminId: string,
  rawEmail: string,
  _role: PlatformRole,
) {
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.findByEmail(normalizeEmail(rawEmail));
    if (!account) throw accountNotFound();
    if (account.role === 'admin') return;
    await unit.accounts.update(account.id, { role: 'admin', ownRole: account.role });
    await unit.publish(roleChanged(account, ['admin'], adminId));
  });
}

/**
 * Takes the admin role back; never from the last admin (409). The account's sessions end, so its admin
 * tokens stop working at once.
 */
export async function revokePlatformRole(
  ctx: AuthContext,
  adminId: string,
  rawEmail: string,
  _role: PlatformRole,
) {
  const ended = await ctx.transaction(async (unit) => {
    const admins = await unit.accounts.admins(true);
    const account = admins.find((admin) => admin.email === normalizeEmail(rawEmail));
    if (!account) {
      if (!(await unit.accounts.findByEmail(normalizeEmail(rawEmail)))) throw accountNotFound();
      throw roleNotHeld();
    }
    if (admins.length <= 1) throw lastAdmin();
    await unit.accounts.update(account.id, { role: account.ownRole ?? 'member', ownRole: null });
    await unit.publish(roleChanged(account, [], adminId));
    return unit.sessions.revokeAll(account.id, 'platform-role-revoked');
  });
  await denySessions(ctx, ended);
}
