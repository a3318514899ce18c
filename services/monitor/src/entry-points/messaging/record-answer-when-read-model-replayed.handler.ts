import { ReadModelReplayedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { replayRequests } from '../../data-access/replay-requests.js';

/** An owner finished restating for a replay: the retry job stops asking it (see @sproul/common's askAgainUnanswered). */
export const recordAnswerWhenReadModelReplayed = on(ReadModelReplayedV1, ({ data }, tx) =>
  replayRequests(tx).answered(data.replayId, data.service),
);
