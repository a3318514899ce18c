import type { Logger } from '@sproul/common';
import { errorEnvelope } from '@sproul/common';
import express, { type Request, type RequestHandler } from 'express';
import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';

interface Limit {
  points: number;
  seconds: number;
}

interface Rule {
  name: string;
  path: RegExp;
  perIp: Limit;
  /** Per account, when the JSON body names one (its `email`): slows guessing one account's password. */
  perAccount?: Limit;
}

/**
 * The routes attackers aim at: password guessing, account creation, and anything that sends mail
 * (a way to spam someone's inbox through us). Upstream had no limits at all (§6.3).
 */
export const RULES: Rule[] = [
  {
    name: 'login',
    path: /^\/api\/(user|monitor|student)\/login$/,
    perIp: { points: 30, seconds: 60 },
    perAccount: { points: 10, seconds: 600 },
  },
  {
    name: 'register',
    path: /^\/api\/(user|student)\/register$/,
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 5, seconds: 3600 },
  },
  { name: 'password-strength', path: /^\/api\/user\/password-strength$/, perIp: { points: 60, seconds: 60 } },
  {
    name: 'email',
    path: /^\/api\/user\/(request-reset|resend-confirm|magic-link)$/,
    perIp: { points: 10, seconds: 600 },
    perAccount: { points: 3, seconds: 3600 },
  },
];

/** Whether a request falls under one of the rules (only POSTs do). */
export const isRateLimited = (method: string | undefined, path: string) =>
  method === 'POST' && RULES.some((rule) => rule.path.test(path));

export type LimiterFactory = (options: IRateLimiterOptions) => RateLimiterAbstract;

/** Redis-backed limiters (shared by every gateway replica) when a client is given, memory otherwise. */
export const limiterFactory =
  (redis?: unknown): LimiterFactory =>
  (options) =>
    redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
      : new RateLimiterMemory(options);

const accountOf = (req: Request) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' && email.length <= 254 ? email.trim().toLowerCase() : undefined;
};

/**
 * Rate limits for the rules above: the IP's allowance first, then the account's. A refusal is a 429
 * with `Retry-After`. If the limiter's store (Redis) fails, requests pass and the failure is logged:
 * an outage of Redis must not lock everyone out of signing in.
 */
export function rateLimits(create: LimiterFactory, logger: Logger, factor = 1): RequestHandler[] {
  const limiters = RULES.map((rule) => ({
    rule,
    ip: create({
      keyPrefix: `sproul:ratelimit:${rule.name}:ip`,
      points: rule.perIp.points,
      duration: scaled(rule.perIp, factor),
    }),
    account: rule.perAccount
      ? create({
          keyPrefix: `sproul:ratelimit:${rule.name}:account`,
          points: rule.perAccount.points,
          duration: scaled(rule.perAccount, factor),
        })
      : undefined,
  }));
  const find = (req: Request) =>
    req.method === 'POST' ? limiters.find(({ rule }) => rule.path.test(req.path)) : undefined;
  // Limited routes carry small JSON bodies: read them (to find the account), then forward them as read.
  const readBody = express.json({ limit: '16kb' });

  const limit: RequestHandler = async (req, res, next) => {
    const limiter = find(req);
    if (!limiter) return next();
    const keys: [RateLimiterAbstract, string][] = [[limiter.ip, req.ip ?? 'unknown']];
    const account = accountOf(req);
    if (limiter.account && account) keys.push([limiter.account, account]);
    for (const [store, key] of keys) {
      try {
        await store.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          logger.warn(
            { err: rejection, rule: limiter.rule.name },
            'rate limiter unavailable; letting the request through',
          );
          continue;
        }
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(seconds));
        res
          .status(429)
          .json(
            errorEnvelope(`Too many requests; try again in ${seconds} seconds`, { retry_after: seconds }),
          );
        return;
      }
    }
    next();
  };
  return [(req, res, next) => (find(req) ? readBody(req, res, next) : next()), limit];
}

const scaled = (limit: Limit, factor: number) => Math.max(1, Math.round(limit.seconds * factor));
