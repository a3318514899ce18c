import { ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { type Outbox, on } from '@sproul/common/messaging';
import { repositories } from '../../data-access/repositories.js';
import type { Work } from '../../domain/auth-context.js';
import { restateAccounts } from '../../domain/restate-accounts.js';

/** A consumer rebuilds its read models: auth states every account and the RSO list again. */
export const restateAccountsWhenReplayRequested = (outbox: Outbox) =>
  on(ReadModelReplayRequestedV1, async (event, tx) => {
    const unit: Work = { ...repositories(tx), tx, publish: (...events) => outbox.append(tx, events) };
    await restateAccounts(unit, event.data.replayId);
  });
