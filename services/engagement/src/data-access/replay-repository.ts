import { replayLedger } from '@sproul/common/messaging';
import { replayAnswers, replays } from './schema.js';

/** The replays engagement asked for, and which owners answered them: the shared ledger on its tables. */
export const replayRepository = replayLedger({ replays, replayAnswers }, 'engagement');
