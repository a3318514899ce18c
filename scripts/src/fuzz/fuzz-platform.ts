import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import { freePort } from '@sproul/common/testing';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { startEmbedded } from '../platform.js';

export const FUZZ_ADMIN = {
  email: 'fuzz.admin@campus.test',
  password: `Fuzz-admin-${randomBytes(6).toString('hex')}!`,
};

/**
 * The embedded platform (`npm start`'s composition) in this process, set up for fuzzing: every log
 * line kept (info and above, as production logs), an admin account, a key-encryption secret to look for
 * in answers and logs, rate limits whose windows are short enough that the fuzzer reaches the routes
 * behind them (the authorization tests check the limits themselves), and no periodic announcements
 * (a timer's write during a refused request would read as that request's).
 */
export async function startFuzzPlatform() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sproul-property-fuzz-'));
  const keySecret = `fuzz-key-secret-${randomBytes(12).toString('hex')}`;
  Object.assign(process.env, {
    ADMIN_EMAIL: FUZZ_ADMIN.email,
    ADMIN_PASSWORD: FUZZ_ADMIN.password,
    KEY_ENCRYPTION_SECRET: keySecret,
    FRONTEND_BASE_URL: 'http://web.test',
    SEARCH_COUNT_INTERVAL_MS: '0',
    METADATA_ANNOUNCE_INTERVAL_MS: '0',
  });
  const logLines: string[] = [];
  let taken = 0;
  const env = {
    PORT: String(await freePort()),
    INTERNAL_PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_FACTOR: '0.02',
    FRONTEND_BASE_URL: 'http://web.test',
  };
  const platform = await startEmbedded(
    {
      ...loadConfig(gatewayConfigSchema, env),
      ...loadConfig(commonConfigSchema, env),
      PORT: Number(env.PORT),
    },
    { logDestination: { write: (line: string) => void logLines.push(line) } },
  );
  return {
    platform,
    keySecret,
    logLines,
    /** Log lines written since the last call. */
    takeLogLines() {
      const lines = logLines.slice(taken);
      taken = logLines.length;
      return lines;
    },
    async stop() {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type FuzzPlatform = Awaited<ReturnType<typeof startFuzzPlatform>>;
