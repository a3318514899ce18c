import fc from 'fast-check';
import { type FuzzRoute, routesOf } from '../route-fuzz/openapi-document.js';
import { describeRequest, type FuzzRequest, IDENTITIES, type Identity } from './fuzz-request.js';
import { checkAnswer, leaksIn, type Violation } from './invariants.js';
import { applyMutation, mutationArbitrary } from './mutations.js';
import { partsArbitrary } from './request-parts.js';
import type { PropertyFuzzFinding, PropertyFuzzOptions, PropertyFuzzReport } from './run-options.js';
import { type FuzzAnswer, sendRaw } from './send-request.js';

/**
 * Property-based fuzzing of every documented route: fast-check draws a route, who sends it and a
 * mutation of its documented request; each answer (and each log line written meanwhile, and the data
 * behind a refusal) must keep the invariants (invariants.ts). A broken invariant is shrunk to the
 * simplest request that still breaks it, reported once per route and rule, and the run goes on with
 * the next seed until the budget of requests is spent.
 */
export async function runPropertyFuzz(options: PropertyFuzzOptions): Promise<PropertyFuzzReport> {
  const started = Date.now();
  const routes = routesOf(options.document);
  const anonymousOnly = new Set(options.anonymousOnly ?? []);
  const identities = options.identities ?? IDENTITIES;
  const requestArbitrary = fc.oneof(
    ...routes.map((route) =>
      fc
        .record({
          parts: partsArbitrary(route, options.document, options.known),
          mutation: mutationArbitrary,
          identity: identityArbitrary(identities),
        })
        .map(({ parts, mutation, identity }): FuzzRequest => {
          const key = `${route.method} ${route.path}`;
          const sent = applyMutation(route, options.document, parts, mutation);
          const who =
            anonymousOnly.has(`${sent.method} ${route.path}`) &&
            ['student', 'officer', 'admin'].includes(identity)
              ? 'anonymous'
              : identity;
          return { route: key, identity: who, ...sent };
        }),
    ),
  );
  const byKey = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
  const report: PropertyFuzzReport = {
    seed: options.seed,
    requests: 0,
    durationMs: 0,
    perRoute: {},
    perStatusClass: {},
    perMutation: {},
    perIdentity: {},
    findings: [],
  };
  const known = new Map<string, PropertyFuzzFinding>();

  const exercise = async (request: FuzzRequest) => {
    const route = byKey.get(request.route)!;
    const { answer, violations } = await sendAndCheck(request, route, options);
    report.requests++;
    options.onProgress?.(report.requests);
    const status = answer?.status ?? 0;
    const statusClass = status ? `${Math.floor(status / 100)}xx` : 'no answer';
    const counts = report.perRoute[request.route] ?? {};
    report.perRoute[request.route] = counts;
    counts[statusClass] = (counts[statusClass] ?? 0) + 1;
    report.perStatusClass[statusClass] = (report.perStatusClass[statusClass] ?? 0) + 1;
    report.perMutation[request.kind] = (report.perMutation[request.kind] ?? 0) + 1;
    report.perIdentity[request.identity] = (report.perIdentity[request.identity] ?? 0) + 1;
    return { answer, violations };
  };

  let seed = options.seed;
  const maxShrink = options.maxShrinkRequests ?? 120;
  while (report.requests < options.requests) {
    let firstFailureAt: number | undefined;
    let last: { request: FuzzRequest; violations: Violation[]; answer?: FuzzAnswer } | undefined;
    const property = fc.asyncProperty(requestArbitrary, async (request) => {
      // Budget spent (or shrinking long enough): everything passes, which ends the run (or the shrinking).
      if (report.requests >= options.requests && firstFailureAt === undefined) return true;
      if (firstFailureAt !== undefined && report.requests - firstFailureAt > maxShrink) return true;
      const { answer, violations } = await exercise(request);
      for (const violation of violations) {
        const existing = known.get(signatureOf(violation, request));
        if (existing) existing.occurrences++;
      }
      const fresh = violations.filter((violation) => !known.has(signatureOf(violation, request)));
      if (fresh.length === 0) return true;
      firstFailureAt ??= report.requests;
      last = { request, violations: fresh, answer };
      return false;
    });
    const details = await fc.check(property, {
      seed,
      numRuns: Math.max(1, options.requests - report.requests),
    });
    seed = (seed + 1) >>> 0;
    if (!details.failed || !last) {
      if (details.failed && details.errorInstance) throw details.errorInstance;
      break;
    }
    // `last` is the last request that failed: fast-check's shrunk counterexample (shrinking retries smaller ones).
    const found = last as { request: FuzzRequest; violations: Violation[]; answer?: FuzzAnswer };
    for (const violation of found.violations) {
      const signature = signatureOf(violation, found.request);
      if (known.has(signature)) continue;
      const finding: PropertyFuzzFinding = {
        signature,
        violations: [violation],
        request: found.request,
        readable: describeRequest(found.request),
        status: found.answer?.status ?? 0,
        answer: found.answer?.text.slice(0, 500) ?? '',
        occurrences: 1,
      };
      known.set(signature, finding);
      report.findings.push(finding);
    }
  }
  report.durationMs = Date.now() - started;
  return report;
}

/**
 * Signed-in roles three times as often as the rest: a request refused at the gateway for its token
 * never reaches the service's checks, and one of three roles is the route's.
 */
const identityArbitrary = (identities: readonly Identity[]) =>
  fc.oneof(
    ...identities.map((identity) => ({
      arbitrary: fc.constant(identity),
      weight: ['student', 'officer', 'admin'].includes(identity) ? 3 : 1,
    })),
  );

const signatureOf = (violation: Violation, request: FuzzRequest) => `${violation.invariant} ${request.route}`;

async function sendAndCheck(request: FuzzRequest, route: FuzzRoute, options: PropertyFuzzOptions) {
  const credentials = await options.credentials(request.identity, route);
  options.takeLogLines?.();
  await options.data?.before();
  let answer: FuzzAnswer | undefined;
  const violations: Violation[] = [];
  try {
    answer = await sendRaw(options.baseUrl, { ...request, headers: { ...request.headers, ...credentials } });
  } catch (error) {
    violations.push({ invariant: 'no answer', detail: (error as Error).message });
  }
  if (answer) {
    const documented = new Set(Object.keys(route.operation.responses ?? {}).map(Number));
    violations.push(...checkAnswer(answer, documented, options.secrets));
    const changed = (await options.data?.after(answer.status >= 400)) ?? [];
    await options.afterAnswer?.(request, answer);
    if (changed.length > 0) {
      // Something else may have written meanwhile (a consumer, a retry, a timer): the change is the
      // request's only if sending it again, once all is quiet, changes the same tables again.
      await options.data?.before();
      const again = await sendRaw(options.baseUrl, {
        ...request,
        headers: { ...request.headers, ...credentials },
      });
      const changedAgain = (await options.data?.after(again.status >= 400)) ?? [];
      const confirmed = changed.filter((table) => changedAgain.includes(table));
      if (confirmed.length > 0) {
        violations.push({
          invariant: 'no data change',
          detail: `a ${answer.status} changed ${confirmed.join(', ')} (twice)`,
        });
      }
      await options.afterAnswer?.(request, again);
    }
  }
  for (const line of options.takeLogLines?.() ?? []) {
    violations.push(
      ...leaksIn(line, options.secrets).map((v) => ({ ...v, detail: `in a log line: ${v.detail}` })),
    );
  }
  return { answer, violations };
}
