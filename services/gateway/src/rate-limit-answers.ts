import { errorEnvelope } from '@sproul/common/errors';
import type { Response } from 'express';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** The refusal of a request over its allowance: a 429 with `Retry-After`. */
export function answerLimited(res: Response, rejection: RateLimiterRes) {
  const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
  res.setHeader('Retry-After', String(seconds));
  res
    .status(429)
    .json(errorEnvelope(`Too many requests; try again in ${seconds} seconds`, { retry_after: seconds }));
}

/**
 * Counted up front (so that many guesses sent at once are all counted), given back once the answer is
 * not an error (2xx, or the 302 that starts single sign-on on GET /api/student/login): a request that
 * proved it knew the password costs nothing, and can only cancel its own count. Not once its window
 * has passed, or the give-back would be a free try in the next window.
 */
export function giveBackOnSuccess(res: Response, counted: [RateLimiterAbstract, string, number][]) {
  res.once('finish', () => {
    if (res.statusCode >= 400) return;
    const now = Date.now();
    for (const [store, key, windowEnd] of counted) {
      if (now < windowEnd) store.reward(key, 1).catch(() => {});
    }
  });
}
