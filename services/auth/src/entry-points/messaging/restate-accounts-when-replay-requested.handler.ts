import {
  makeEvent,
  ReadModelReplayedV1,
  ReadModelReplayRequestedV1,
  replaysAsking,
} from '@sproul/common/events';
import { type Outbox, onBatch } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import { SOURCE, type Work } from '../../domain/auth-context.js';
import { restateAccounts } from '../../domain/restate-accounts.js';

/**
 * A consumer rebuilds its read models: auth states every account and the RSO list again, then says it
 * is done (after them in the outbox), so the asker stops re-sending the request. Once per replay in a
 * batch: re-sends that queued up while auth was down are one answer.
 */
export const restateAccountsWhenReplayRequested = (outbox: Outbox) =>
  onBatch(ReadModelReplayRequestedV1, async (requests, tx) => {
    const unit: Work = { ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) };
    for (const replayId of replaysAsking(requests, SOURCE)) {
      await restateAccounts(unit, replayId);
      await unit.publish(makeEvent(ReadModelReplayedV1, { replayId, service: SOURCE }, SOURCE));
    }
  });
