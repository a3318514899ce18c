import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { AuthConfig } from '../config.js';

/** Wrong codes a challenge takes; the next check answers that it is dead. */
export const MAX_CODE_ATTEMPTS = 5;

/** The send-rate window. */
export const SEND_WINDOW_MS = 3600_000;

/** A 6-digit code, uniformly drawn (leading zeros kept). */
export const newPhoneCode = () => randomInt(0, 1_000_000).toString().padStart(6, '0');

// Only the embedded mode falls back to this: on a server KEY_ENCRYPTION_SECRET is required.
const EMBEDDED_PEPPER = 'sproul-embedded-phone-code-pepper';

/**
 * The stored form of a code: an HMAC keyed by a secret the database does not hold, over the account,
 * the number and the code, so a copy of the table neither reveals codes nor carries one to another row.
 */
export function hashPhoneCode(config: AuthConfig, accountId: string, phone: string, code: string) {
  const pepper = config.PHONE_CODE_PEPPER ?? config.KEY_ENCRYPTION_SECRET ?? EMBEDDED_PEPPER;
  return createHmac('sha256', pepper).update(`${accountId}\n${phone}\n${code}`).digest('hex');
}

export const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The text message carrying a code (the mailer never logs the text of `phone-code` messages). */
export const phoneCodeText = (code: string, ttlS: number) =>
  `${code} is your sproul.club verification code. It expires in ${Math.round(ttlS / 60)} minutes. ` +
  'If you did not ask for it, ignore this message.';
