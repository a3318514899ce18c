import { AccountConfirmedV1, makeEvent } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import { SOURCE, type Work } from './auth-context.js';

/**
 * The owner of the address just proved it another way (a magic link, the sign-on provider) on an
 * account nobody confirmed yet. Whoever registered it never proved the address, and may be someone
 * else waiting for the owner to confirm it: the password, sessions and links that registration set
 * up end, and the account is confirmed for the one who proved it. Answers the ended sessions' ids.
 */
export async function confirmForProvenOwner(unit: Work, account: Account): Promise<string[]> {
  await unit.accounts.update(account.id, { confirmed: true, confirmedAt: new Date(), passwordHash: null });
  await unit.emailTokens.voidAll(account.id, ['confirm', 'reset', 'magic']);
  await unit.publish(
    makeEvent(AccountConfirmedV1, { userId: account.id, email: account.email, role: account.role }, SOURCE),
  );
  return unit.sessions.revokeAll(account.id, 'address-proved');
}
