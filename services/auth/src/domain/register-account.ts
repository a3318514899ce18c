import { type clubDraftSchema, EmailRequestedV1, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import type { z } from 'zod';
import type { Account } from '../data-access/account-repository.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { sendEmailLink } from './email-links.js';
import { removeAccount } from './self-service.js';

export interface AccountDraft {
  email: string;
  role: 'officer' | 'member' | 'student';
  passwordHash: string;
  name: string | null;
  club: z.output<typeof clubDraftSchema> | null;
}

/**
 * Creates an unconfirmed account, announces it (UserRegistered: the catalog creates the officer's club,
 * hidden until AccountConfirmed) and emails the confirmation link, in the caller's transaction.
 *
 * The address may be taken. An unconfirmed account under it proves nothing (anyone can type any
 * address, and the RSO list is public), so it gives way: removed with its sessions and links, and
 * AccountDeleted makes the catalog remove its club. A confirmed account stays, and its owner is told
 * by email. The caller answers the same either way, after the same hashing: registration does not
 * tell who has an account. Answers ended sessions' ids, for the denylist after the commit.
 */
export async function registerAccount(ctx: AuthContext, unit: Work, draft: AccountDraft): Promise<string[]> {
  const existing = await unit.accounts.findByEmail(draft.email);
  if (existing && (existing.confirmed || existing.role === 'admin')) {
    await tellOwnerSomeoneTried(ctx, unit, existing);
    return [];
  }
  const ended = existing ? await removeAccount(unit, existing) : [];
  const { club, ...fields } = draft;
  const account = await unit.accounts.insert(fields);
  // Another registration of the address committed first: its confirmation email is on its way.
  if (!account) return ended;
  await unit.publish(
    makeEvent(
      UserRegisteredV1,
      { userId: account.id, email: draft.email, role: draft.role, name: draft.name, club },
      SOURCE,
    ),
  );
  await sendEmailLink(ctx, unit, account, 'confirm');
  return ended;
}

async function tellOwnerSomeoneTried(ctx: AuthContext, unit: Work, account: Account) {
  const page = (path: string) => new URL(path, ctx.config.FRONTEND_BASE_URL).href;
  await unit.publish(
    makeEvent(
      EmailRequestedV1,
      {
        to: account.email,
        template: 'account-exists',
        variables: { signin_url: page('/signin'), recover_url: page('/recover') },
        userId: account.id,
      },
      SOURCE,
    ),
  );
}
