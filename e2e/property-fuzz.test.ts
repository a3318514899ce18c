import { describe, expect, it } from 'vitest';
import { fuzzReport } from '../scripts/src/fuzz/fuzz-report.js';
import { fuzzPlatform } from '../scripts/src/fuzz/fuzz-run.js';

// `npm run fuzz`'s short form: every route of the gateway's merged OpenAPI document, drawn by
// fast-check from the routes' schemas and mutated by hostile inputs (malformed JSON, wrong types,
// boundary lengths, NUL and unpaired surrogates, injection and traversal strings, oversized headers,
// bad multipart, wrong content types), sent anonymously, as a student, an officer and an admin, and
// with expired and garbage tokens. No 5xx, every error the JSON envelope, no stack trace or secret in
// any answer or log line, no data changed by a refused request. FUZZ_SEED replays another seed.
const SEED = Number(process.env.FUZZ_SEED ?? 20_241_206);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1_000);

describe('property fuzzing of every route through the gateway', () => {
  it(`keeps every invariant for ${REQUESTS} requests (seed ${SEED})`, async () => {
    const result = await fuzzPlatform({ requests: REQUESTS, seed: SEED });
    const { report } = result;
    // Shrunk counterexamples, readable, in the failure message.
    expect(report.findings.map((f) => `${f.signature}: ${f.violations[0]!.detail}\n${f.readable}`)).toEqual(
      [],
    );
    expect(report.requests).toBeGreaterThanOrEqual(REQUESTS);
    // The fuzz reached the services, not just the gateway's refusals: accepted and refused answers on
    // most routes, every identity and every kind of mutation drawn.
    expect(report.perStatusClass['2xx'] ?? 0).toBeGreaterThan(REQUESTS / 20);
    expect(Object.keys(report.perRoute).length).toBeGreaterThan(result.routes * 0.8);
    expect(Object.keys(report.perIdentity)).toHaveLength(6);
    expect(Object.keys(report.perMutation).length).toBeGreaterThanOrEqual(10);
    expect(result.tables).toBeGreaterThan(50);
    expect(fuzzReport(result, 'test').markdown).toContain(`${report.requests} requests`);
  }, 300_000);
});
