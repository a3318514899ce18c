import {
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replayAsks,
} from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { SOURCE, type Work } from '../../domain/auth-context.js';
import { restateAccounts } from '../../domain/restate-accounts.js';

/**
 * A consumer rebuilds its read models: auth states every account and the RSO list again, then says it
 * is done (after them in the outbox), so the asker stops re-sending the request.
 */
export const restateAccountsWhenReplayRequested = (outbox: Outbox) =>
  on(ReadModelReplayRequestedV1, async (event, tx) => {
    const { replayId } = event.data;
    if (!replayAsks(event.data, SOURCE)) return;
    const unit: Work = { ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) };
    await restateAccounts(unit, replayId);
    await unit.publish(makeEvent(ReadModelReplayedV1, { replayId, service: SOURCE }, SOURCE));
  });
