import { notCampusEmail } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';
import { createPasswordAccount } from './register.js';

/** Only addresses of the campus domain (and its subdomains) may hold student accounts. */
export function assertCampusEmail(ctx: AuthContext, email: string) {
  const domain = ctx.config.STUDENT_EMAIL_DOMAIN.toLowerCase();
  const host = email.slice(email.lastIndexOf('@') + 1);
  if (host !== domain && !host.endsWith(`.${domain}`)) {
    throw notCampusEmail(domain);
  }
}

/** Email + password sign-up for campuses without a single sign-on provider. */
export async function registerStudent(
  ctx: AuthContext,
  input: { email: string; password: string; name: string },
) {
  assertCampusEmail(ctx, normalizeEmail(input.email));
  await createPasswordAccount(ctx, { ...input, role: 'student' });
}
