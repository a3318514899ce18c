import { askForReplay, type Outbox, type ReplayAsker } from '@sproul/common/messaging';
import { dropRestatable, replayRequests } from '../../data-access/replay-requests.js';
import { REPLAY_OWNERS } from './replay-owners.js';

/**
 * The monitor's replays (an admin's rebuild, the first start, re-sends: see @sproul/common's
 * replay-requests). Each drops the read models that the owning services can state again (accounts, RSO
 * list, clubs, tags, images) and asks them to, in one transaction: the request leaves only with the
 * drop. It names no owners, so every owner restates. Activity and search counts are kept: they are a
 * log of what happened, which no service holds. Events already on their way still apply in version
 * order against what the replay brings. A re-send drops nothing again.
 */
export const monitorReplays: ReplayAsker = {
  service: 'monitor',
  ledger: replayRequests,
  owners: REPLAY_OWNERS,
  namesOwners: false,
  beforeAsking: dropRestatable,
};

/** An admin's rebuild: drops and asks now, superseding any replay still waiting for answers. */
export const requestReplay = (outbox: Outbox, now: Date) =>
  outbox.transaction((tx) => askForReplay(tx, outbox, now, monitorReplays));
