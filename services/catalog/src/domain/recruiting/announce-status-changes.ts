import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import type { Club } from '../../data-access/club-repository.js';
import { clubsChangedBySystem } from '../clubs/club-changed-by-system.js';

/** A ClubUpdated naming `new_members` for each club whose recruiting status the scheduler flipped. */
export async function announceStatusChanges(tx: Tx, outbox: Outbox, flipped: Club[]) {
  const changes = flipped.map((club) => ({ club, changed: ['new_members'] }));
  await outbox.append(tx, await clubsChangedBySystem(tx, changes));
}
