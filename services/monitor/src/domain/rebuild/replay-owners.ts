/** The services that own what the monitor's restatable read models hold, and answer its replays. */
export const REPLAY_OWNERS = ['auth', 'catalog', 'media'] as const;

/** Owners a replay still waits for, given those that answered it. */
export const waitingFor = (answered: readonly string[]) =>
  REPLAY_OWNERS.filter((owner) => !answered.includes(owner));
