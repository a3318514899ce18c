import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from 'rate-limiter-flexible';
import { type Limit, RULES, type Rule } from './rate-limit-rules.js';

export type LimiterFactory = (options: IRateLimiterOptions) => RateLimiterAbstract;

/** Redis-backed limiters (shared by every gateway replica) when a client is given, memory otherwise. */
export const limiterFactory =
  (redis?: unknown): LimiterFactory =>
  (options) =>
    redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
      : new RateLimiterMemory(options);

/** Each rule's counters: per address, and per account where the rule has a per-account limit. */
export function createLimiters(create: LimiterFactory, factor: number, keyPrefix: string) {
  return new Map<Rule, { ip: RateLimiterAbstract; account?: RateLimiterAbstract }>(
    RULES.map((rule) => [
      rule,
      {
        ip: create({
          keyPrefix: `${keyPrefix}:${rule.name}:ip`,
          points: rule.perIp.points,
          duration: scaled(rule.perIp, factor),
        }),
        account: rule.perAccount
          ? create({
              keyPrefix: `${keyPrefix}:${rule.name}:account`,
              points: rule.perAccount.points,
              duration: scaled(rule.perAccount, factor),
            })
          : undefined,
      },
    ]),
  );
}

const scaled = (limit: Limit, factor: number) => Math.max(1, Math.round(limit.seconds * factor));
