import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { commonConfigSchema, loadConfig } from '@sproul/common/config';
import type { EventEnvelope } from '@sproul/common/events';
import { type JsonAnswer, type JsonClient, jsonClient, recordEvents } from '@sproul/common/testing';
import { configSchema as gatewayConfigSchema } from '@sproul/gateway';
import { type EmbeddedPlatform, startEmbedded } from '../../scripts/src/platform.js';
import { freePort } from './processes.js';

export type ApiAnswer = JsonAnswer;
export type Api = JsonClient;

/** Calls through the gateway as a web client would: every body (a string too) JSON-encoded, redirects not followed. */
export const apiAt = (baseUrl: string): Api => jsonClient(baseUrl, { stringsAs: 'json' });

/**
 * The composition `npm start` runs, in this process so that a test can watch the bus: a new data
 * directory, the gateway on a free port, every event recorded. `processEnv` is what the services read
 * from the environment (admin account, front-end URL…).
 */
export async function startTestPlatform(name: string, processEnv: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), `sproul-${name}-`));
  Object.assign(process.env, processEnv);
  // The gateway's internal listener (/readyz, /metrics) on a port of its own choosing.
  const env = { PORT: String(await freePort()), INTERNAL_PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const platform: EmbeddedPlatform = await startEmbedded({
    // The web client's URL is the gateway's too (its pages link there), as `npm start` reads it.
    // The gateway's own settings given (RATE_LIMIT_FACTOR, CORS_ORIGINS…) too.
    ...loadConfig(gatewayConfigSchema, { ...processEnv, ...env }),
    ...loadConfig(commonConfigSchema, env),
    PORT: Number(env.PORT),
  });
  const events: EventEnvelope[] = await recordEvents(platform.bus, `e2e-${name}-recorder`);
  return {
    platform,
    events,
    api: apiAt(platform.url),
    async stop() {
      await platform.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;
