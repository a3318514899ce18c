import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { MemoryStore } from '@sproul/common/cache';
import { ConfigError, loadConfig } from '@sproul/common/config';
import { startService } from '@sproul/common/service';
import { testLogger } from '@sproul/common/testing';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { authService } from '../src/index.js';

const startScript = fileURLToPath(new URL('../dist/start.js', import.meta.url));
// Nothing listens there: the process must refuse before it tries to connect.
const SERVER_DATABASE = 'postgres://postgres@127.0.0.1:1/sproul_auth';

// Outside the embedded mode the private signing keys live on a database server: never unsealed.
describe('KEY_ENCRYPTION_SECRET', () => {
  it('is required when auth runs against a database server: the process exits 78 naming it', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: SERVER_DATABASE, PORT: '0' };
    delete env.KEY_ENCRYPTION_SECRET;
    const run = spawnSync(process.execPath, [startScript], { env, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/KEY_ENCRYPTION_SECRET: required outside the embedded mode/);
  });

  it('is required when a composition root hands auth a database server', async () => {
    // A composition root parses auth's config once, with the DATABASE_URL it decided, before it
    // opens anything (as scripts/src/platform.ts and runAsProcess do).
    const starting = (async () => {
      const config = loadConfig(authService.config, { PORT: '0', DATABASE_URL: SERVER_DATABASE });
      return startService(
        authService,
        // Never reached: the check comes first.
        {
          logger: testLogger(),
          database: undefined as never,
          bus: undefined as never,
          store: new MemoryStore(),
        },
        config,
      );
    })();
    await expect(starting).rejects.toBeInstanceOf(ConfigError);
    await expect(starting).rejects.toThrow(/KEY_ENCRYPTION_SECRET/);
  });

  it('is optional in the embedded mode (no DATABASE_URL), and accepted when set', () => {
    expect(loadConfig(configSchema, {}).KEY_ENCRYPTION_SECRET).toBeUndefined();
    const set = loadConfig(configSchema, {
      DATABASE_URL: SERVER_DATABASE,
      KEY_ENCRYPTION_SECRET: 'a-long-enough-secret',
    });
    expect(set.KEY_ENCRYPTION_SECRET).toBe('a-long-enough-secret');
    expect(() =>
      loadConfig(configSchema, { DATABASE_URL: SERVER_DATABASE, KEY_ENCRYPTION_SECRET: 'short' }),
    ).toThrow(/at least 16/);
  });
});
