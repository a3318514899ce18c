import { rsoExists, rsoInUse, rsoMissing } from '../errors.js';
import type { AuthContext } from './auth-context.js';
import { normalizeEmail } from './email-address.js';

/** Admins keep the list of RSO emails allowed to register a club. */
export async function addRsoEmail(ctx: AuthContext, rawEmail: string) {
  const added = await ctx.transaction((unit) => unit.rso.add([normalizeEmail(rawEmail)]));
  if (added.length === 0) throw rsoExists();
}

export async function removeRsoEmail(ctx: AuthContext, rawEmail: string) {
  const email = normalizeEmail(rawEmail);
  await ctx.transaction(async (unit) => {
    const officer = await unit.accounts.findByEmail(email);
    if (officer?.role === 'officer') {
      throw rsoInUse();
    }
    if (!(await unit.rso.remove(email))) {
      throw rsoMissing();
    }
  });
}

/** Bulk import (CSV): adds what is new, reports what was already there. */
export async function importRsoEmails(ctx: AuthContext, rawEmails: string[]) {
  const emails = [...new Set(rawEmails.map(normalizeEmail))];
  const added = await ctx.transaction((unit) => unit.rso.add(emails));
  return { added: added.length, already_present: emails.length - added.length };
}
