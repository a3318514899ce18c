import { z } from 'zod';

/**
 * The config fields of a service that asks for replays; its config schema spreads them:
 * `commonConfigSchema.extend({ ..., ...replayConfigFields })`.
 */
export const replayConfigFields = {
  /** `0` keeps a first start from asking the owning services to restate their state (tests that feed events). */
  REPLAY_ON_FIRST_START: z
    .enum(['0', '1', 'false', 'true'])
    .default('1')
    .transform((value) => value === '1' || value === 'true'),
  /**
   * How long a replay request waits for owners to answer before it is sent again to those that have not
   * (a request published before an owner's queue existed reaches nobody); `0` never re-sends.
   */
  REPLAY_RETRY_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  /**
   * The longest wait between re-sends: each waits twice the one before, up to this. An owner that is
   * down with its queue in place gets every re-send queued, and may restate once per request on its
   * return (once per batch at least): an hour down queues ~17 at 5 min instead of 360 at a flat 10 s.
   */
  REPLAY_RETRY_MAX_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
};

export type ReplayConfig = {
  [Key in keyof typeof replayConfigFields]: z.output<(typeof replayConfigFields)[Key]>;
};
