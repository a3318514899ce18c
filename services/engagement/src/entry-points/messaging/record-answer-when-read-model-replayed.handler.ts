import { ReadModelReplayedV1 } from '@sproul/common/events';
import { on } from '@sproul/common/messaging';
import { replayRepository } from '../../data-access/replay-repository.js';

/** An owner finished restating for engagement's replay: the retry job stops asking it (answers to others' replays are ignored). */
export const recordAnswerWhenReadModelReplayed = () =>
  on(ReadModelReplayedV1, ({ data }, tx) => replayRepository(tx).answered(data.replayId, data.service));
