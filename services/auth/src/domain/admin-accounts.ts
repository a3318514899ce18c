import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { hashPassword } from './password-hasher.js';

/**
 * Creates a confirmed admin, or sets the password of an existing one. Admins are never created over
 * HTTP: this runs from `npm run admin:create` and, in the embedded mode, from ADMIN_EMAIL/ADMIN_PASSWORD.
 */
export async function ensureAdmin(ctx: Pick<AuthContext, 'transaction'>, rawEmail: string, password: string) {
  const email = normalizeEmail(rawEmail);
  const passwordHash = await hashPassword(password);
  return ctx.transaction(async (unit) => {
    const existing = await unit.accounts.findByEmail(email);
    if (existing) {
      if (existing.role !== 'admin')
        throw new Error(`${email} already belongs to a ${existing.role} account`);
      await unit.accounts.update(existing.id, { passwordHash });
      return 'updated' as const;
    }
    await unit.accounts.insert({
      email,
      role: 'admin',
      passwordHash,
      confirmed: true,
      confirmedAt: new Date(),
    });
    return 'created' as const;
  });
}
