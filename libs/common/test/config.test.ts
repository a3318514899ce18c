import { describe, expect, it } from 'vitest';
import { commonConfigSchema } from '../src/config/common-config.js';
import { ConfigError, loadConfig } from '../src/config/load-config.js';

describe('configuration from the environment', () => {
  it('needs nothing for the embedded mode', () => {
    const config = loadConfig(commonConfigSchema, {});
    expect(config).toMatchObject({ DATA_DIR: '.data', BODY_LIMIT: '1mb', BUS_MAX_ATTEMPTS: 5 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AMQP_URL).toBeUndefined();
    expect(config.BUS_RETRY_DELAYS_MS).toEqual([1000, 5000, 30000, 120000]);
  });

  it('parses and coerces given values', () => {
    const config = loadConfig(commonConfigSchema, {
      PORT: '8081',
      DATABASE_URL: 'postgres://postgres@db:5432/sproul_auth',
      AMQP_URL: 'amqp://guest:guest@mq:5672',
      BUS_RETRY_DELAYS_MS: '100,200',
    });
    expect(config.PORT).toBe(8081);
    expect(config.BUS_RETRY_DELAYS_MS).toEqual([100, 200]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(commonConfigSchema, { DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('fails with a message naming every bad variable and its value', () => {
    let error: unknown;
    try {
      loadConfig(commonConfigSchema, { PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: .*"eighty"/);
    expect(message).toMatch(/DATABASE_URL: must be a URL with one of the protocols postgres:, postgresql:/);
    expect(message).toMatch(/LOG_LEVEL/);
  });
});
