import { waitingFor as waitingAmong } from '@sproul/common/messaging';

/** The services that own what the monitor's restatable read models hold, and answer its replays. */
export const REPLAY_OWNERS = ['auth', 'catalog', 'media'] as const;

/** Owners a replay still waits for, given those that answered it. */
export const waitingFor = (answered: readonly string[]) => waitingAmong(REPLAY_OWNERS, answered);
