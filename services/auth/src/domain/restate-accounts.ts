import { AccountSnapshotV1, makeEvent } from '@sproul/common/events';
import type { Work } from './auth-context.js';
import { SOURCE } from './auth-context.js';
import { officerChanged } from './officer-changes.js';
import { phoneChanged } from './phone-numbers.js';
import { rsoEntryChanged } from './rso-list.js';

/** Rows read per statement while restating (100 000 accounts: 200 pages). */
const PAGE = 500;

/**
 * Answers a read-model replay in the caller's transaction: every account as an AccountSnapshot (with
 * its registration and confirmation times, which the rebuilt read model cannot learn elsewhere), and
 * every RSO email as listed, and every club officer's grant (ClubOfficerChanged: grants backfilled by
 * the migration were never announced otherwise), and every verified phone number (PhoneNumberChanged).
 */
export async function restateAccounts(unit: Work, replayId: string) {
  let afterId: string | undefined;
  for (;;) {
    const page = await unit.accounts.pageById(afterId, PAGE);
    if (page.length === 0) break;
    await unit.publish(
      ...page.map((account) =>
        makeEvent(
          AccountSnapshotV1,
          {
            userId: account.id,
            email: account.email,
            role: account.role,
            registeredAt: account.registeredAt.toISOString(),
            confirmedAt: account.confirmed
              ? (account.confirmedAt ?? account.registeredAt).toISOString()
              : null,
            replayId,
          },
          SOURCE,
        ),
      ),
    );
    afterId = page.at(-1)?.id;
  }
  let afterEmail: string | undefined;
  for (;;) {
    const emails = await unit.rso.pageByEmail(afterEmail, PAGE);
    if (emails.length === 0) break;
    await unit.publish(...emails.map((email) => rsoEntryChanged(email, true)));
    afterEmail = emails.at(-1);
  }
  let afterGrant: { clubId: string; accountId: string } | undefined;
  for (;;) {
    const grants = await unit.officers.page(afterGrant, PAGE);
    if (grants.length === 0) break;
    await unit.publish(...grants.map((grant) => officerChanged(grant, grant.role, null)));
    afterGrant = grants.at(-1);
  }
  let afterPhone: string | undefined;
  for (;;) {
    const phones = await unit.phones.pageVerified(afterPhone, PAGE);
    if (phones.length === 0) break;
    await unit.publish(...phones.map((row) => phoneChanged(row.accountId, row.phone)));
    afterPhone = phones.at(-1)?.accountId;
  }
}
