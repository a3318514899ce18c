import type { FuzzFinding, FuzzOptions } from './route-fuzz/fuzz-options.js';
import { jobsFor } from './route-fuzz/jobs.js';
import { type FuzzRoute, routesOf } from './route-fuzz/openapi-document.js';

/**
 * Hostile-input checks for every route a service documents: the routes come from its OpenAPI document
 * (the one built from the zod schemas its routes parse with, and checked against the routes it mounts),
 * so a new route is fuzzed without anyone listing it. Each route gets a plausible request built from its
 * schemas, then variants of it: a NUL byte (and an unpaired surrogate) in each string field, path and
 * query parameter; impossible UTC offsets in each date field; and its body under other content types.
 * Every answer must be the route's normal 2xx/3xx or a 4xx, never a 5xx, and every error the JSON envelope.
 */

export type { FuzzFinding, FuzzOptions } from './route-fuzz/fuzz-options.js';
export { FUZZ_CONTENT_TYPES } from './route-fuzz/hostile-values.js';
export type { FuzzRoute, OpenApiDocument } from './route-fuzz/openapi-document.js';
export { routesOf } from './route-fuzz/openapi-document.js';

/** Runs every variant of every documented route; answers what broke the rules (none: all is well). */
export async function fuzzRoutes(
  options: FuzzOptions,
): Promise<{ requests: number; findings: FuzzFinding[] }> {
  const last = new Set(options.last ?? []);
  const isLast = (route: FuzzRoute) => last.has(`${route.method} ${route.path}`);
  const routes = routesOf(options.document);
  const findings: FuzzFinding[] = [];
  let requests = 0;
  for (const batch of [routes.filter((route) => !isLast(route)), routes.filter(isLast)]) {
    requests += await runConcurrently(jobsFor(batch, options, findings), options.concurrency ?? 8);
  }
  return { requests, findings };
}

async function runConcurrently(jobs: (() => Promise<void>)[], concurrency: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  return jobs.length;
}
