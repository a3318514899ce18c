import { AccountConfirmedV1, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import type { Invitation } from '../data-access/invitation-repository.js';
import { accountExists, invalidField, invitationGone, invitationNotFound, weakPassword } from '../errors.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import { officerChanged } from './officer-changes.js';
import { hashPassword } from './password-hasher.js';
import { isStrongPassword } from './password-policy.js';
import { confirmForProvenOwner } from './prove-address.js';
import { hashToken } from './secret-tokens.js';
import { denySessions, type SessionTokens, startSession } from './sessions.js';

const isOpen = (invitation: Invitation) =>
  !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt.getTime() > Date.now();

/** Why an invitation is no longer open (a revoked one may have been replaced by a newer one). */
const goneState = (invitation: Invitation) =>
  invitation.acceptedAt ? 'accepted' : invitation.revokedAt ? 'revoked' : 'expired';

/** An invitation by its token: 404 when unknown, 410 when used, revoked or expired (which: `data.state`). */
async function openInvitation(ctx: AuthContext, token: string) {
  const invitation = await ctx.read.invitations.findByHash(hashToken(token));
  if (!invitation) throw invitationNotFound();
  if (!isOpen(invitation)) throw invitationGone(goneState(invitation));
  return invitation;
}

/** What an accept page shows, and whether it must ask for a password (no account under the address). */
export async function previewInvitation(ctx: AuthContext, token: string) {
  const invitation = await openInvitation(ctx, token);
  const [club, account] = await Promise.all([
    ctx.read.clubs.find(invitation.clubId),
    ctx.read.accounts.findByEmail(invitation.email),
  ]);
  return {
    club_id: invitation.clubId,
    club_name: club?.name ?? null,
    email: invitation.email,
    role: invitation.role,
    expires_at: invitation.expiresAt.toISOString(),
    account_exists: Boolean(account),
    password_accepted: !account?.passwordHash || !account.confirmed,
  };
}

/**
 * Accepts an invitation, once: the invited address gets the grant, and the answer is a fresh officer
 * session acting for the club (`role: officer` whatever the account's kind; an admin stays admin).
 * Without an account under the address, one is created (an officer account, confirmed: following the
 * emailed link proves the address), which needs a password. An existing account keeps its kind and any
 * password it has (a password sent is then ignored); one without a password (a campus sign-on student,
 * a magic-link account, or an unconfirmed one, whose registration's password ends as with a magic link)
 * may set one here, checked by the policy, to sign in at `/api/user/login` later. Of concurrent
 * acceptances exactly one wins; the others answer 410.
 */
export async function acceptInvitation(
  ctx: AuthContext,
  token: string,
  input: { password?: string; name?: string },
): Promise<SessionTokens> {
  const invitation = await openInvitation(ctx, token);
  const existing = await ctx.read.accounts.findByEmail(invitation.email);
  // Hashing is slow: before, not inside, the transaction.
  const passwordHash = !existing
    ? await newPasswordHash(input.password)
    : input.password !== undefined && (!existing.passwordHash || !existing.confirmed)
      ? await newPasswordHash(input.password)
      : undefined;
  const { tokens, ended } = await ctx.transaction(async (unit) => {
    const accepted = await unit.invitations.accept(hashToken(token));
    if (!accepted) throw invitationGone();
    const { account, ended } = await invitedAccount(unit, accepted.email, passwordHash, input.name);
    await unit.invitations.setAcceptedBy(accepted.id, account.id);
    if (await unit.officers.grant(accepted.clubId, account.id, 'officer', accepted.invitedBy)) {
      await unit.publish(
        officerChanged(
          { ...account, clubId: accepted.clubId, accountId: account.id },
          'officer',
          accepted.invitedBy,
        ),
      );
    }
    return { tokens: await startSession(ctx, unit, account, 'officer', accepted.clubId), ended };
  });
  await denySessions(ctx, ended);
  return tokens;
}

async function newPasswordHash(password: string | undefined) {
  if (password === undefined) throw invalidField('password', 'required to create the account');
  if (!isStrongPassword(password)) throw weakPassword();
  return hashPassword(password);
}

/** The account under the invited address: found (confirmed if it was not; given a first password if sent), or created. */
async function invitedAccount(
  unit: Work,
  email: string,
  passwordHash: string | undefined,
  name: string | undefined,
): Promise<{ account: Account; ended: string[] }> {
  const found = await unit.accounts.findByEmail(email);
  if (found) {
    const ended = found.confirmed ? [] : await confirmForProvenOwner(unit, found);
    const account = found.confirmed ? found : { ...found, confirmed: true, passwordHash: null };
    // A first password (none, or the unproven registration's just ended): nothing it replaces to end.
    if (passwordHash && !account.passwordHash) {
      await unit.accounts.update(account.id, { passwordHash });
      return { account: { ...account, passwordHash }, ended };
    }
    return { account, ended };
  }
  // Seen before the transaction, gone by now: the body had no password to create it with.
  if (!passwordHash) throw invalidField('password', 'required to create the account');
  const account = await unit.accounts.insert({
    email,
    role: 'officer',
    passwordHash,
    name: name ?? null,
    confirmed: true,
    confirmedAt: new Date(),
  });
  // Registered meanwhile: nothing commits (the invitation stays open), and accepting again finds it.
  if (!account) throw accountExists('An account was just created under this address: accept again');
  await unit.publish(
    makeEvent(
      UserRegisteredV1,
      { userId: account.id, email, role: 'officer', name: account.name, club: null },
      SOURCE,
    ),
    makeEvent(AccountConfirmedV1, { userId: account.id, email, role: 'officer' }, SOURCE),
  );
  return { account, ended: [] };
}
