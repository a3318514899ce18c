import { makeEvent, PhoneNumberChangedV1, SmsRequestedV1 } from '@sproul/common/events';
import {
  accountGone,
  PhoneCodesLimited,
  phoneAlreadyVerified,
  phoneCodeGone,
  phoneInUse,
  wrongPhoneCode,
} from '../errors.js';
import { type AuthContext, SOURCE, type Work } from './auth-context.js';
import {
  hashPhoneCode,
  MAX_CODE_ATTEMPTS,
  newPhoneCode,
  phoneCodeText,
  SEND_WINDOW_MS,
  sameHash,
} from './phone-codes.js';

export interface PhoneState {
  /** The verified number, or null. */
  phone: string | null;
  verified: boolean;
  /** A code sent and still usable (not expired, attempts left), or null. */
  pending: { phone: string; expires_at: string; attempts_left: number } | null;
}

export const phoneChanged = (userId: string, phone: string | null) =>
  makeEvent(PhoneNumberChangedV1, { userId, phone }, SOURCE);

export async function phoneState(ctx: AuthContext, accountId: string): Promise<PhoneState> {
  const [phone, challenge] = await Promise.all([
    ctx.read.phones.verifiedOf(accountId),
    ctx.read.phones.challengeOf(accountId),
  ]);
  const usable =
    challenge && challenge.expiresAt > ctx.clock() && challenge.attempts < MAX_CODE_ATTEMPTS
      ? challenge
      : undefined;
  return {
    phone: phone ?? null,
    verified: phone !== undefined,
    pending: usable
      ? {
          phone: usable.phone,
          expires_at: usable.expiresAt.toISOString(),
          attempts_left: MAX_CODE_ATTEMPTS - usable.attempts,
        }
      : null,
  };
}

/**
 * Sends a fresh code to a number (replacing any pending one), within the send-rate limit per account
 * and per number. The code travels only in the SmsRequested event (committed with the challenge).
 */
export async function requestPhoneCode(ctx: AuthContext, accountId: string, phone: string) {
  const { config } = ctx;
  const now = ctx.clock();
  const windowStart = new Date(now.getTime() - SEND_WINDOW_MS);
  const code = newPhoneCode();
  await ctx.transaction(async (unit) => {
    if (!(await unit.accounts.findById(accountId))) throw accountGone();
    const holder = await unit.phones.holderOf(phone);
    if (holder === accountId) throw phoneAlreadyVerified();
    if (holder) throw phoneInUse();
    await unit.phones.lockSends(accountId, phone);
    const sends = await unit.phones.sendsSince(accountId, phone, windowStart);
    assertUnderLimit(sends.byAccount, 'account', config.PHONE_CODES_PER_HOUR, now);
    assertUnderLimit(sends.toNumber, 'number', config.PHONE_CODES_PER_HOUR, now);
    await unit.phones.recordSend(accountId, phone, now, windowStart);
    await unit.phones.replaceChallenge({
      accountId,
      phone,
      codeHash: hashPhoneCode(config, accountId, phone, code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.PHONE_CODE_TTL_S * 1000),
    });
    await unit.publish(
      makeEvent(
        SmsRequestedV1,
        {
          to: phone,
          text: phoneCodeText(code, config.PHONE_CODE_TTL_S),
          purpose: 'phone-code',
          userId: accountId,
        },
        SOURCE,
      ),
    );
  });
}

function assertUnderLimit(sentAt: Date[], per: 'account' | 'number', limit: number, now: Date) {
  if (sentAt.length < limit) return;
  // Free again when the oldest send that keeps the count at the limit leaves the window.
  const freeAt = sentAt[sentAt.length - limit]!.getTime() + SEND_WINDOW_MS;
  throw new PhoneCodesLimited(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)), limit, per);
}

type CheckOutcome =
  | { kind: 'verified'; phone: string }
  | { kind: 'wrong'; attemptsLeft: number }
  | { kind: 'gone'; state: 'none' | 'expired' | 'dead' }
  | { kind: 'taken' };

/**
 * Checks a code against the pending challenge. A wrong code counts an attempt, committed even though
 * the answer is an error (hence the outcome returned from the transaction, thrown after it).
 */
export async function verifyPhoneCode(ctx: AuthContext, accountId: string, code: string) {
  const outcome = await ctx.transaction(async (unit): Promise<CheckOutcome> => {
    const challenge = await unit.phones.challengeForUpdate(accountId);
    if (!challenge) return { kind: 'gone', state: 'none' };
    if (challenge.expiresAt <= ctx.clock()) return { kind: 'gone', state: 'expired' };
    if (challenge.attempts >= MAX_CODE_ATTEMPTS) return { kind: 'gone', state: 'dead' };
    const hash = hashPhoneCode(ctx.config, accountId, challenge.phone, code);
    if (!sameHash(hash, challenge.codeHash)) {
      const attempts = await unit.phones.countAttempt(accountId);
      return { kind: 'wrong', attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - attempts) };
    }
    await unit.phones.removeChallenge(accountId);
    const holder = await unit.phones.holderOf(challenge.phone);
    // Verified elsewhere since the code was sent: the code is spent, the number stays where it is.
    if (holder && holder !== accountId) return { kind: 'taken' };
    await unit.phones.setVerified(accountId, challenge.phone, ctx.clock());
    await unit.publish(phoneChanged(accountId, challenge.phone));
    return { kind: 'verified', phone: challenge.phone };
  });
  if (outcome.kind === 'wrong') throw wrongPhoneCode(outcome.attemptsLeft);
  if (outcome.kind === 'gone') throw phoneCodeGone(outcome.state);
  if (outcome.kind === 'taken') throw phoneInUse();
  return outcome.phone;
}

/** Removes the verified number and any pending code; PhoneNumberChanged (null) when there was a number. */
export async function removePhone(ctx: AuthContext, accountId: string) {
  await ctx.transaction(async (unit) => removePhoneOf(unit, accountId));
}

export async function removePhoneOf(unit: Work, accountId: string) {
  await unit.phones.removeChallenge(accountId);
  const removed = await unit.phones.removeVerified(accountId);
  if (removed) await unit.publish(phoneChanged(accountId, null));
}
