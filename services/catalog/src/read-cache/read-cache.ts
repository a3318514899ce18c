import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelSubscription, Database } from '@sproul/common/db';
import { securityHeaders } from '@sproul/common/http';
import type { Logger } from '@sproul/common/logging';
import type { Request, Response } from 'express';
import { AnswerCache, type Sized } from './answer-cache.js';
import type { CachedAnswer } from './cached-answer.js';
import { followCatalogChanges } from './follow-catalog-changes.js';
import { readCacheMetrics } from './read-cache-metrics.js';
import { sendCachedAnswer } from './send-cached-answer.js';

/** Nothing is kept longer than this, changes or not: the safety net under answers that age with time. */
const MAX_TTL_MS = 5 * 60_000;

export interface AnswerOptions {
  /** Kept this long at most (answers that age with the clock). */
  ttlMs?: number;
  /** Work done for this request with the answer it gets (a student's visit of a club page). */
  served?: (answer: CachedAnswer) => void;
  /**
   * False when the key holds more than the URL does (today's date): the fast lane, which knows only the
   * URL, then leaves such requests to the route.
   */
  sameForUrl?: boolean;
}

/** The catalog's public answers from memory: what routes, the fast lane and `/metrics` use. */
export interface ReadCache {
  /** Answers the request with `key`'s answer, made by `fill` on a miss. */
  answer(
    req: Request,
    res: Response,
    key: string,
    fill: () => Promise<CachedAnswer>,
    options?: AnswerOptions,
  ): Promise<void>;
  /** A value answers are cut from (the whole catalog in one order), kept like an answer. */
  shared<T extends Sized>(key: string, fill: () => Promise<T>): Promise<T>;
  /**
   * Serves an anonymous GET already answered from memory before express sees it; false otherwise. Sees
   * every request first, so it is also where a write's answer is made to empty the cache (see below).
   */
  fastLane(req: IncomingMessage, res: ServerResponse): boolean;
  /** Drops what this replica kept, as a heard change does (a change no table or notice records). */
  invalidate(): void;
  metrics(): ReturnType<typeof readCacheMetrics>;
  stop(): Promise<void>;
}

export async function startReadCache(
  database: Database,
  logger: Logger,
  { maxMb, clock }: { maxMb: number; clock: () => Date },
): Promise<ReadCache> {
  const cache = new AnswerCache({
    maxBytes: Math.max(1, maxMb) * 1024 * 1024,
    maxTtlMs: MAX_TTL_MS,
    now: () => clock().getTime(),
  });
  // READ_CACHE_MB=0: never following changes, the cache keeps nothing and every read is a fill.
  const following: ChannelSubscription | undefined =
    maxMb > 0 ? await followCatalogChanges(database, cache, logger) : undefined;
  const expressHeaders = securityHeaders();
  // A plain number: these answers skip express and its http_requests_total.
  let fastAnswers = 0;
  return {
    async answer(req, res, key, fill, options = {}) {
      const answer = await cache.get(key, fill, options.ttlMs);
      options.served?.(answer);
      if (options.sameForUrl !== false && req.method === 'GET' && req.headers.authorization === undefined) {
        cache.rememberUrl(req.originalUrl, key);
      }
      await sendCachedAnswer(req, res, answer);
    },
    shared: (key, fill) => cache.get(key, fill),
    fastLane(req, res) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        if (!PERSONAL_WRITE.test(req.url ?? '')) forgetBeforeAnswering(res, cache);
        return false;
      }
      if (req.headers.authorization !== undefined) return false;
      const answer = cache.peekUrl<CachedAnswer>(req.url ?? '');
      if (!answer) return false;
      fastAnswers += 1;
      void sendCachedAnswer(req, res, answer, expressHeaders);
      return true;
    },
    invalidate: () => cache.invalidate(),
    metrics: () => readCacheMetrics(cache, () => fastAnswers),
    stop: async () => following?.close(),
  };
}

/**
 * A student's own writes (`/api/student/...`: profile, favourites, board, visits) change only student
 * tables, which no public answer is made of (their tables notify nothing either, migration 0012): they
 * keep the cache. Under `npm run bench:load`'s mix, favourites emptied it several times a second. A
 * spelling this misses (other case, encoded slashes) empties the cache, the safe side.
 */
const PERSONAL_WRITE = /^\/api\/student\//;

/**
 * A write this replica answers empties its cache before its answer leaves (the write has committed by
 * then), so that the writer's next read here shows it: the commit's notice reaches the listening
 * connection a few ms later, and an officer saving then reloading, or a test, could read the answer from
 * before. Other replicas follow the notice (within 1 s). Refused requests (4xx, 5xx) change nothing.
 */
function forgetBeforeAnswering(res: ServerResponse, cache: AnswerCache) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status < 400) cache.invalidate();
    return writeHead.call(this, status, ...(rest as [])) as ServerResponse;
  } as typeof res.writeHead;
}
