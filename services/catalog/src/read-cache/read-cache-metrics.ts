import { Counter, Gauge } from 'prom-client';
import type { AnswerCache } from './answer-cache.js';

/** The cache's size and use on `/metrics`, read when scraped (nothing is counted twice per request). */
export function readCacheMetrics(cache: AnswerCache, fastAnswers: () => number = () => 0) {
  const gauge = (name: string, help: string, read: (figures: ReturnType<AnswerCache['figures']>) => number) =>
    new Gauge({
      name,
      help,
      registers: [],
      collect() {
        this.set(read(cache.figures()));
      },
    });
  const fastLane = new Counter({
    name: 'catalog_fast_lane_answers_total',
    help: 'Anonymous reads answered from memory without express (not in http_requests_total)',
    registers: [],
    collect() {
      this.reset();
      this.inc(fastAnswers());
    },
  });
  return [
    fastLane,
    gauge('catalog_read_cache_entries', 'Answers kept in memory', (f) => f.entries),
    gauge(
      'catalog_read_cache_bytes',
      'Memory the kept answers hold (bytes, compressed forms counted ahead)',
      (f) => f.bytes,
    ),
    gauge('catalog_read_cache_hits', 'Reads answered from memory', (f) => f.hits),
    gauge('catalog_read_cache_misses', 'Reads that went to the database', (f) => f.misses),
    gauge(
      'catalog_read_cache_invalidations',
      'Changes heard (each empties the cache)',
      (f) => f.invalidations,
    ),
    gauge('catalog_read_cache_following', '1 while changes are heard; 0: reads go to the database', (f) =>
      f.following ? 1 : 0,
    ),
  ];
}
