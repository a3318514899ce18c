import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import type { Club } from '../../data-access/club-repository.js';
import { clubChangedBySystem } from '../clubs/club-changed-by-system.js';

/** A ClubUpdated naming `new_members` for each club whose recruiting status the scheduler flipped. */
export async function announceStatusChanges(tx: Tx, outbox: Outbox, flipped: Club[]) {
  await outbox.append(
    tx,
    flipped.map((club) => clubChangedBySystem(club, ['new_members'])),
  );
}
