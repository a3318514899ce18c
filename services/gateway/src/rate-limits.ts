import { isIPv6 } from 'node:net';
import { errorEnvelope } from '@sproul/common/errors';
import { JSON_BODY_TYPES } from '@sproul/common/http';
import type { Logger } from '@sproul/common/logging';
import express, { type Request, type RequestHandler, type Response } from 'express';
import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { isBasic, type Limit, RULES, ruleFor } from './rate-limit-rules.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** A body the gateway read (to find the account), to be sent on in its place (proxy.ts). */
    forwardBody?: Buffer;
  }
}

export type LimiterFactory = (options: IRateLimiterOptions) => RateLimiterAbstract;

/** Redis-backed limiters (shared by every gateway replica) when a client is given, memory otherwise. */
export const limiterFactory =
  (redis?: unknown): LimiterFactory =>
  (options) =>
    redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: true })
      : new RateLimiterMemory(options);

// Auth compares emails trimmed and lower-cased (normalizeEmail); so do the per-account counters.
const account = (name: string) => name.trim().toLowerCase().slice(0, 320);

/**
 * The accounts a request tries: the `email` of its JSON body, the user of its Basic credentials, and for
 * a change of password the signed-in account (the token's `sub`; the gateway verifies the token next).
 */
function accountsOf(req: Request): string[] {
  const accounts = new Set<string>();
  const email = (req.body as { email?: unknown } | undefined)?.email;
  if (typeof email === 'string') accounts.add(account(email));
  const header = req.headers.authorization;
  if (isBasic(header)) {
    const decoded = Buffer.from(header!.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    accounts.add(account(colon < 0 ? decoded : decoded.slice(0, colon)));
  } else if (header && /^bearer /i.test(header)) {
    const sub = subjectOf(header.slice(7).trim());
    if (sub) accounts.add(`sub:${sub}`);
  }
  return [...accounts];
}

function subjectOf(token: string): string | undefined {
  try {
    const { sub } = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof sub === 'string' ? sub.slice(0, 100) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client's address as a counter key. An IPv6 client usually holds a whole /64 and can send from any
 * address in it, so IPv6 addresses count per /64 (IPv4-mapped ones as the IPv4 address).
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

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
  const limiters = new Map(
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
  const ruleOf = (req: Request) => ruleFor(req.path, req.headers.authorization);
  // Read any body the service would parse as JSON (the same types, any case, any charset or encoding
  // body-parser takes), to find the account in it; it is sent on re-encoded as plain JSON (proxy.ts).
  const parseJson = express.json({ limit: '16kb', type: JSON_BODY_TYPES });
  const readBody: RequestHandler = (req, res, next) => {
    if (!ruleOf(req)) return next();
    parseJson(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (req.readableEnded && req.body !== undefined)
        req.forwardBody = Buffer.from(JSON.stringify(req.body));
      next();
    });
  };

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
    if (rule.onlyFailuresCount) giveBackOnSuccess(res, counted);
    next();
  };
  return [readBody, limit];
}

/**
 * Counted up front (so that many guesses sent at once are all counted), given back once the answer is
 * not an error (2xx, or the 302 that starts single sign-on on GET /api/student/login): a request that
 * proved it knew the password costs nothing, and can only cancel its own count. Not once its window
 * has passed, or the give-back would be a free try in the next window.
 */
function giveBackOnSuccess(res: Response, counted: [RateLimiterAbstract, string, number][]) {
  res.once('finish', () => {
    if (res.statusCode >= 400) return;
    const now = Date.now();
    for (const [store, key, windowEnd] of counted) {
      if (now < windowEnd) store.reward(key, 1).catch(() => {});
    }
  });
}

const scaled = (limit: Limit, factor: number) => Math.max(1, Math.round(limit.seconds * factor));
