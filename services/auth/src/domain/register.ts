import type { clubDraftSchema } from '@sproul/common';
import { AppError, makeEvent, UserRegisteredV1 } from '@sproul/common';
import type { z } from 'zod';
import { type AuthContext, SOURCE } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { sendEmailLink } from './email-links.js';
import { hashPassword } from './password-hasher.js';
import { isStrongPassword } from './password-policy.js';

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

const weakPassword = () => new AppError('AUTH.WEAK_PASSWORD', 400, 'The password is not strong enough');
const fieldError = (field: string, message: string) =>
  new AppError('REQUEST.INVALID', 400, 'A validation error occurred when parsing the JSON body.', [
    { field, errors: [message] },
  ]);

/**
 * An officer registers their club: the email must be on the RSO list, the club's tags and size must
 * exist in the catalog. The account, the UserRegistered event (the catalog creates the club, hidden
 * until confirmation) and the confirmation email commit together.
 */
export async function registerOfficer(ctx: AuthContext, input: OfficerRegistration) {
  const email = normalizeEmail(input.email);
  // Hashing takes tens of milliseconds: do it before, not inside, the transaction.
  const passwordHash = isStrongPassword(input.password) ? await hashPassword(input.password) : undefined;
  await ctx.transaction(async (unit) => {
    if (!(await unit.rso.has(email))) {
      throw new AppError('AUTH.NOT_ON_RSO_LIST', 404, 'The provided email is not part of the RSO list!');
    }
    if (await unit.accounts.findByEmail(email)) {
      throw new AppError('AUTH.ACCOUNT_EXISTS', 401, 'A club under that email already exists!');
    }
    if (!passwordHash) throw weakPassword();
    const missing = await unit.catalogMetadata.missingTags(input.club.tags);
    if (missing.length > 0) throw fieldError('tags', `unknown tag ids: ${missing.join(', ')}`);
    if (!(await unit.catalogMetadata.numUsersExists(input.club.num_users))) {
      throw fieldError('num_users', `unknown num_users id: ${input.club.num_users}`);
    }
    const account = await unit.accounts.insert({
      email,
      role: 'officer',
      passwordHash,
      name: input.club.name,
    });
    if (!account) throw new AppError('AUTH.ACCOUNT_EXISTS', 401, 'A club under that email already exists!');
    await unit.publish(
      makeEvent(
        UserRegisteredV1,
        { userId: account.id, email, role: 'officer', name: input.club.name, club: input.club },
        SOURCE,
      ),
    );
    await sendEmailLink(ctx, unit, account, 'confirm');
  });
}

/** The simple self-service shape: an account without a club, no RSO check. */
export async function registerMember(ctx: AuthContext, input: MemberRegistration) {
  await createPasswordAccount(ctx, { ...input, role: 'member' });
}

/**
 * An account that signs in with a password and has no club (member or student): created unconfirmed,
 * announced with UserRegistered, and sent a confirmation link, all in one transaction.
 */
export async function createPasswordAccount(
  ctx: AuthContext,
  input: { email: string; password: string; name: string | null; role: 'member' | 'student' },
) {
  const email = normalizeEmail(input.email);
  if (!isStrongPassword(input.password)) throw weakPassword();
  const passwordHash = await hashPassword(input.password);
  await ctx.transaction(async (unit) => {
    const account = await unit.accounts.insert({ email, role: input.role, passwordHash, name: input.name });
    if (!account)
      throw new AppError('AUTH.ACCOUNT_EXISTS', 409, 'An account under that email already exists!');
    await unit.publish(
      makeEvent(
        UserRegisteredV1,
        { userId: account.id, email, role: input.role, name: input.name, club: null },
        SOURCE,
      ),
    );
    await sendEmailLink(ctx, unit, account, 'confirm');
  });
}
