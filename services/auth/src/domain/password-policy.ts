import { createRequire } from 'node:module';

// Mozilla's list of common passwords (those of 8 characters or more), shipped inside the package.
const commonPasswords: { test(password: string): boolean } = createRequire(import.meta.url)(
  'fxa-common-password-list',
);

export const MAX_PASSWORD_LENGTH = 256;

/**
 * Upstream's policy (at least 8 characters, a digit and a special character) plus a refusal of
 * well-known passwords, and of a well-known one with digits and symbols tacked on ("Password1!"),
 * which is how such rules are usually met.
 */
export function isStrongPassword(password: string): boolean {
  if (password.length < 8 || password.length > MAX_PASSWORD_LENGTH) return false;
  if (!/\d/.test(password) || !/[^A-Za-z0-9\s]/.test(password)) return false;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  return ![password, lower, stem].some((candidate) => commonPasswords.test(candidate));
}
