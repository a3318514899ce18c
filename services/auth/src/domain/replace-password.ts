import type { Work } from './auth-context.js';

/**
 * Stores a new password hash and ends what the old password, or a mailbox read before, still opens:
 * every session, and the reset and magic links already emailed. A reset came through the mailbox,
 * which confirms the address, so its pending confirmation links end too. Answers the ended sessions'
 * ids, for the caller to put on the denylist once the transaction commits.
 */
export async function replacePassword(
  unit: Work,
  accountId: string,
  passwordHash: string,
  reason: 'password-reset' | 'password-change',
): Promise<string[]> {
  await unit.accounts.update(accountId, { passwordHash });
  await unit.emailTokens.voidAll(
    accountId,
    reason === 'password-reset' ? ['reset', 'magic', 'confirm'] : ['reset', 'magic'],
  );
  return unit.sessions.revokeAll(accountId, reason);
}
