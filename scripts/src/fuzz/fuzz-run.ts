import {
  jsonClient,
  type OpenApiDocument,
  type PropertyFuzzReport,
  runPropertyFuzz,
} from '@sproul/common/testing';
import { watchData } from './data-watch.js';
import { FUZZ_ADMIN, startFuzzPlatform } from './fuzz-platform.js';
import { knownValues } from './known-values.js';
import { fuzzSessions } from './sessions.js';
import { signingKeysOf } from './signing-keys.js';

/**
 * Routes sent without the fuzzer's own sessions (as anonymous, whatever identity was drawn): deleting
 * the signed-in account would delete the fuzzer's accounts for the rest of the run. The same route with
 * no, expired and garbage credentials is fuzzed; the authorization tests cover its accepted case.
 */
export const ANONYMOUS_ONLY = ['DELETE /api/user'];

export interface PlatformFuzzResult {
  report: PropertyFuzzReport;
  routes: number;
  tables: number;
  logLines: number;
  sessionRenewals: number;
  digests: { count: number; ms: number; quietMs: number };
}

/** Starts the embedded platform, fuzzes every route of its merged OpenAPI document, stops it. */
export async function fuzzPlatform(options: {
  requests: number;
  seed: number;
  onProgress?: (sent: number) => void;
}): Promise<PlatformFuzzResult> {
  const fuzz = await startFuzzPlatform();
  try {
    const baseUrl = fuzz.platform.url;
    const api = jsonClient(baseUrl);
    const document = (await api('/api/openapi.json')).body as OpenApiDocument;
    const demo = Object.fromEntries(fuzz.platform.demoAccounts.map((account) => [account.role, account]));
    const keys = await signingKeysOf(fuzz.platform.database.client, fuzz.keySecret);
    const accounts = { admin: FUZZ_ADMIN, officer: demo.officer!, student: demo.student! };
    const sessions = await fuzzSessions(baseUrl, accounts, keys.expired);
    const known = await knownValues(
      api,
      { token: sessions.tokens.officer.access },
      { token: sessions.tokens.admin.access },
      Object.values(accounts).map((account) => account.email),
    );
    const data = await watchData(fuzz.platform.database.client);
    fuzz.takeLogLines();
    const report = await runPropertyFuzz({
      baseUrl,
      document,
      requests: options.requests,
      seed: options.seed,
      credentials: sessions.credentials,
      afterAnswer: sessions.afterAnswer,
      anonymousOnly: ANONYMOUS_ONLY,
      known,
      secrets: [
        fuzz.keySecret,
        ...Object.values(accounts).map((account) => account.password),
        ...keys.secrets,
      ],
      takeLogLines: fuzz.takeLogLines,
      data: data.watch,
      onProgress: options.onProgress,
    });
    return {
      report,
      routes: Object.values(document.paths ?? {}).reduce(
        (sum, operations) => sum + Object.keys(operations).length,
        0,
      ),
      tables: data.tables,
      logLines: fuzz.logLines.length,
      sessionRenewals: sessions.renewals,
      digests: { count: data.figures.digests, ms: data.figures.digestMs, quietMs: data.figures.quietMs },
    };
  } finally {
    await fuzz.stop();
  }
}
