import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type Club, clubRepository } from '../../data-access/club-repository.js';
import { holdTagIds } from '../../data-access/tag-id-lock.js';
import { clubNotFound } from '../../errors.js';
import { clubUpdatedEvents } from './club-state-events.js';

export interface ClubEditOutcome<T> {
  /** Upstream field names the edit changed (`about_us`, `events`, …); empty when nothing changed. */
  changed: string[];
  result: T;
  /** Set by a rename that moved the club to a new link name. */
  previousLinkName?: string;
}

/**
 * One change of one club, inside an open transaction, and the only place a club edit takes its locks:
 * holds the tag ids (no tag renumbering until commit), then locks the club row (concurrent edits of a
 * club apply one after the other), each once; runs `work` on the locked row, which takes no lock of
 * its own; then — if it changed anything — bumps `last_updated` and appends ClubUpdated naming the
 * changed fields, so the change and its event commit together. Profile edits (officer route, account
 * confirmation, stored logo or banner) and list edits (events, resources, FAQ, gallery) all come here.
 */
export async function editClubIn<T>(
  tx: Tx,
  outbox: Outbox,
  clubId: string,
  work: (club: Club) => Promise<ClubEditOutcome<T>>,
): Promise<T> {
  await holdTagIds(tx);
  const clubs = clubRepository(tx);
  const club = await clubs.findByIdForUpdate(clubId);
  if (!club) throw clubNotFound();
  const outcome = await work(club);
  if (outcome.changed.length === 0) return outcome.result;
  const updated = await clubs.update(clubId, { lastUpdated: new Date() });
  if (!updated) throw clubNotFound();
  const change = { club: updated, changed: [...new Set(outcome.changed)] };
  const renamed = outcome.previousLinkName ? { previousLinkName: outcome.previousLinkName } : {};
  await outbox.append(tx, await clubUpdatedEvents(tx, [{ ...change, ...renamed }]));
  return outcome.result;
}

/**
 * The same in a transaction of its own, for officer list edits, e.g.
 * `editClub(outbox, clubId, async (club, tx) => ({ changed: ['events'], result: await clubEventRepository(tx).add(…) }))`.
 */
export function editClub<T>(
  outbox: Outbox,
  clubId: string,
  work: (club: Club, tx: Tx) => Promise<ClubEditOutcome<T>>,
): Promise<T> {
  return outbox.transaction((tx) => editClubIn(tx, outbox, clubId, (club) => work(club, tx)));
}
