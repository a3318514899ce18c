import type { ReplayAsker } from '@sproul/common/messaging';
import { replayRepository } from '../../data-access/replay-repository.js';

/**
 * Engagement's replays (the first start, then re-sends: see @sproul/common's replay-requests). A first
 * start with no replay recorded asks the owners to restate their state: clubs, teams and people that
 * existed before engagement's queue did never reached it, so their links answered 404 and their
 * officers had no access. Only auth (accounts as AccountSnapshot, club teams as ClubOfficerChanged) and
 * the catalog (clubs as ClubUpdated v2) are asked, by name: media's images are of no use here, and every
 * owner asked restates everything it holds. Nothing is dropped: the copies are only ever completed by
 * what comes back, in aggregate version order.
 */
export const engagementReplays: ReplayAsker = {
  service: 'engagement',
  ledger: replayRepository,
  owners: ['auth', 'catalog'],
  namesOwners: true,
};
