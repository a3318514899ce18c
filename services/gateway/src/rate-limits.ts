import type { Logger } from '@sproul/common/logging';
import type { Request, RequestHandler } from 'express';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { readLimitedBody } from './limited-body.js';
import { createLimiters, type LimiterFactory } from './limiter-store.js';
import { answerLimited, giveBackOnSuccess } from './rate-limit-answers.js';
import { accountsOf, addressKey } from './rate-limit-keys.js';
import { ruleFor } from './rate-limit-matching.js';

export interface RateLimitOptions {
  logger: Logger;
  /** Scales every window (tests shorten them). */
  factor?: number;
  /** Start of every counter's key in Redis, so that tests and deployments sharing a Redis keep apart. */
  keyPrefix?: string;
}

/**
 * Rate limits for the rules in rate-limit-rules.ts: the address's allowance first, then each account's.
 * A refusal is a 429 with `Retry-After`. If the limiter's store (Redis) fails, requests pass and the
 * failure is logged: an outage of Redis must not lock everyone out of signing in.
 */
export function rateLimits(create: LimiterFactory, options: RateLimitOptions): RequestHandler[] {
  const { logger, factor = 1, keyPrefix = 'sproul:ratelimit' } = options;
  const limiters = createLimiters(create, factor, keyPrefix);
  const ruleOf = (req: Request) => ruleFor(req.path, req.headers.authorization);

  const limit: RequestHandler = async (req, res, next) => {
    const rule = ruleOf(req);
    if (!rule) return next();
    const limiter = limiters.get(rule)!;
    const keys: [RateLimiterAbstract, string][] = [[limiter.ip, addressKey(req.ip)]];
    if (limiter.account) for (const name of accountsOf(req)) keys.push([limiter.account, name]);
    const counted: [RateLimiterAbstract, string, number][] = [];
    for (const [store, key] of keys) {
      try {
        const state = await store.consume(key);
        counted.push([store, key, Date.now() + state.msBeforeNext]);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          logger.warn(
            { err: rejection, rule: rule.name },
            'rate limiter unavailable; letting the request through',
          );
          continue;
        }
        answerLimited(res, rejection);
        return;
      }
    }
    if (rule.onlyFailuresCount) giveBackOnSuccess(res, counted);
    next();
  };
  return [readLimitedBody(ruleOf), limit];
}
