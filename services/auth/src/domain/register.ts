import type { clubDraftSchema } from '@sproul/common/events';
import type { z } from 'zod';
import { invalidField, notOnRsoList, weakPassword } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { hashPassword } from './password-hasher.js';
import { isStrongPassword } from './password-policy.js';
import { registerAccount } from './register-account.js';
import { denySessions } from './sessions.js';

export interface OfficerRegistration {
  email: string;
  password: string;
  club: z.output<typeof clubDraftSchema>;
}

export interface MemberRegistration {
  email: string;
  password: string;
  name: string | null;
}

/**
 * An officer registers their club: the email must be on the RSO list, the club's tags and size must
 * exist in the catalog. Every check comes before the address is looked at, so that its answer is the
 * same whether or not an account holds it (see registerAccount).
 */
export async function registerOfficer(ctx: AuthContext, input: OfficerRegistration) {
  const email = normalizeEmail(input.email);
  // Hashing takes tens of milliseconds: do it before, not inside, the transaction.
  const passwordHash = isStrongPassword(input.password) ? await hashPassword(input.password) : undefined;
  const ended = await ctx.transaction(async (unit) => {
    if (!(await unit.rso.has(email))) {
      throw notOnRsoList();
    }
    if (!passwordHash) throw weakPassword();
    const missing = await unit.catalogMetadata.missingTags(input.club.tags);
    if (missing.length > 0) throw invalidField('tags', `unknown tag ids: ${missing.join(', ')}`);
    if (!(await unit.catalogMetadata.numUsersExists(input.club.num_users))) {
      throw invalidField('num_users', `unknown num_users id: ${input.club.num_users}`);
    }
    return registerAccount(ctx, unit, {
      email,
      role: 'officer',
      passwordHash,
      name: input.club.name,
      club: input.club,
    });
  });
  await denySessions(ctx, ended);
}

/** The simple self-service shape: an account without a club, no RSO check. */
export async function registerMember(ctx: AuthContext, input: MemberRegistration) {
  await createPasswordAccount(ctx, { ...input, role: 'member' });
}

/** An account that signs in with a password and has no club (member or student). */
export async function createPasswordAccount(
  ctx: AuthContext,
  input: { email: string; password: string; name: string | null; role: 'member' | 'student' },
) {
  const email = normalizeEmail(input.email);
  if (!isStrongPassword(input.password)) throw weakPassword();
  const passwordHash = await hashPassword(input.password);
  const ended = await ctx.transaction((unit) =>
    registerAccount(ctx, unit, { email, role: input.role, passwordHash, name: input.name, club: null }),
  );
  await denySessions(ctx, ended);
}
