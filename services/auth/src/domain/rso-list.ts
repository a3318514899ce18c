import { makeEvent, RsoListEntryChangedV1 } from '@sproul/common/events';
import { rsoExists, rsoInUse, rsoMissing } from '../errors.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { normalizeEmail } from './email-address.js';

/** Admins keep the list of RSO emails allowed to register a club. */
export async function addRsoEmail(ctx: AuthContext, rawEmail: string) {
  const added = await ctx.transaction((unit) => addAndAnnounce(unit, [normalizeEmail(rawEmail)]));
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
    await unit.publish(rsoEntryChanged(email, false));
  });
}

/** Bulk import (CSV): adds what is new, reports what was already there. */
export async function importRsoEmails(ctx: AuthContext, rawEmails: string[]) {
  const emails = [...new Set(rawEmails.map(normalizeEmail))];
  const added = await ctx.transaction((unit) => addAndAnnounce(unit, emails));
  return { added: added.length, already_present: emails.length - added.length };
}

/** What the monitor counts: each email added to or removed from the list (or restated in a replay). */
export const rsoEntryChanged = (email: string, listed: boolean) =>
  makeEvent(RsoListEntryChangedV1, { email, listed }, SOURCE);

async function addAndAnnounce(unit: Work, emails: string[]) {
  const added = await unit.rso.add(emails);
  await unit.publish(...added.map((email) => rsoEntryChanged(email, true)));
  return added;
}
