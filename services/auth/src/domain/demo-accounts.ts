import { AccountConfirmedV1, makeEvent, UserRegisteredV1 } from '@sproul/common';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { hashPassword } from './password-hasher.js';

export type DemoAccount =
  | { role: 'officer'; email: string; password: string; name: string; clubId: string }
  | { role: 'student'; email: string; password: string; name: string };

/**
 * The embedded mode's demo accounts: created confirmed on first start, and on every later start given
 * back the password that start prints (and, for the officer, their demo club). Never over HTTP.
 * The officer gets no UserRegistered: the catalog would create a second club for it; the student's
 * announces them as a sign-up would, so the catalog starts their profile.
 */
export async function ensureDemoAccount(ctx: Pick<AuthContext, 'transaction'>, demo: DemoAccount) {
  const email = normalizeEmail(demo.email);
  const passwordHash = await hashPassword(demo.password);
  const clubId = demo.role === 'officer' ? demo.clubId : null;
  return ctx.transaction(async (unit) => {
    const existing = await unit.accounts.findByEmail(email);
    if (existing) {
      if (existing.role !== demo.role) {
        throw new Error(`${email} already belongs to a ${existing.role} account`);
      }
      await unit.accounts.update(existing.id, {
        passwordHash,
        confirmed: true,
        ...(clubId ? { clubId } : {}),
      });
      return 'updated' as const;
    }
    const account = await unit.accounts.insert({
      email,
      role: demo.role,
      name: demo.name,
      passwordHash,
      confirmed: true,
      confirmedAt: new Date(),
      clubId,
    });
    if (account && demo.role === 'student') {
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
