import type { Tx } from '@sproul/common/db';
import type { ClubMembersCountedV1, EventData } from '@sproul/common/events';
import { clubRepository } from '../../data-access/club-repository.js';

/**
 * Shows engagement's count of a club's members on its page and in the catalog list. The kernel has
 * already skipped a count older than one applied (aggregate `club-members`), so the newest count
 * stands whatever order they arrive in. A count for a club the catalog no longer has (deleted since)
 * has nowhere to go, and is dropped: nothing to retry.
 */
export async function recordMemberCount(tx: Tx, count: EventData<typeof ClubMembersCountedV1>) {
  await clubRepository(tx).setMemberCount(count.clubId, count.members);
}
