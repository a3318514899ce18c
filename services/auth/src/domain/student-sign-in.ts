import { AccountConfirmedV1, makeEvent, UserRegisteredV1 } from '@sproul/common/events';
import type { Account } from '../data-access/account-repository.js';
import { accountExists } from '../errors.js';
import { type AuthContext, SOURCE } from './auth-context.js';
import { confirmForProvenOwner } from './prove-address.js';
import { removeAccount } from './self-service.js';
import { denySessions, type SessionTokens, startSession } from './sessions.js';

export interface SignOnResult {
  is_new_user: boolean;
  profile: { name: string | null; email: string };
  token: SessionTokens;
}

/**
 * Signs in the student the provider vouched for: by provider identity, else by address (linking it),
 * else as a new student account.
 */
export async function signInStudent(
  ctx: AuthContext,
  subject: string,
  email: string,
  name: string | null,
): Promise<SignOnResult> {
  const { result, ended } = await ctx.transaction(async (unit) => {
    let account: Account | undefined = await unit.accounts.findByOidcSubject(subject);
    let isNew = false;
    const ended: string[] = [];
    if (!account) {
      let byEmail = await unit.accounts.findByEmail(email);
      // The provider just proved the address: an unconfirmed club or member account under it,
      // registered by someone who never did, gives way (AccountDeleted removes its club).
      if (byEmail && !byEmail.confirmed && byEmail.role !== 'student') {
        ended.push(...(await removeAccount(unit, byEmail)));
        byEmail = undefined;
      }
      if (byEmail && byEmail.role !== 'student') {
        throw accountExists('That email belongs to a club or member account');
      }
      if (byEmail) {
        // A student who signed up with a password links their provider identity on first use; an
        // unconfirmed one loses what its unproven registration set up (see confirmForProvenOwner).
        if (!byEmail.confirmed) ended.push(...(await confirmForProvenOwner(unit, byEmail)));
        await unit.accounts.update(byEmail.id, { oidcSubject: subject });
        account = { ...byEmail, oidcSubject: subject, confirmed: true };
      } else {
        account = await unit.accounts.insert({
          email,
          role: 'student',
          name,
          oidcSubject: subject,
          confirmed: true,
          confirmedAt: new Date(),
        });
        if (!account) throw accountExists('An account under that email already exists!');
        isNew = true;
        await unit.publish(
          makeEvent(
            UserRegisteredV1,
            { userId: account.id, email, role: 'student', name, club: null },
            SOURCE,
          ),
          makeEvent(AccountConfirmedV1, { userId: account.id, email, role: 'student' }, SOURCE),
        );
      }
    }
    const result: SignOnResult = {
      is_new_user: isNew,
      profile: { name: account.name, email: account.email },
      token: await startSession(ctx, unit, account, 'student'),
    };
    return { result, ended };
  });
  await denySessions(ctx, ended);
  return result;
}
