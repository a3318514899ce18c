import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { createHttpApp, listen, type RunningServer } from '@sproul/common/http';
import { testLogger } from '@sproul/common/testing';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

describe('gateway compression', () => {
  let catalog: RunningServer;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();
  const clubs = Array.from({ length: 200 }, (_, i) => ({
    name: `Club ${i}`,
    link_name: `club-${i}`,
    about_us: 'We meet on Tuesdays.',
  }));

  beforeAll(async () => {
    const { app } = createHttpApp({
      service: 'catalog',
      logger: testLogger(),
      routes(app) {
        app.get('/api/catalog/organizations', (_req, res) => {
          res.json({ results: clubs, num_results: clubs.length });
        });
        app.get('/api/catalog/tags', (_req, res) => {
          res.json([{ id: 0, name: 'Academic' }]);
        });
      },
    });
    catalog = await listen(app);
    gateway = await start({
      config: loadConfig(configSchema, { PORT: '0', CATALOG_URL: catalog.url }),
      logger: testLogger(),
      store,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await catalog?.close(0);
    await store.close();
  });

  const get = async (path: string, encoding: string) => {
    const res = await request(`${gateway.url}${path}`, { headers: { 'accept-encoding': encoding } });
    return {
      encoding: res.headers['content-encoding'],
      vary: res.headers.vary,
      body: Buffer.from(await res.body.arrayBuffer()),
    };
  };

  it('compresses a large answer with brotli when offered, gzip otherwise', async () => {
    const plain = Buffer.from(JSON.stringify({ results: clubs, num_results: clubs.length }));
    const br = await get('/api/catalog/organizations', 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(br.body.length).toBeLessThan(plain.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual({
      results: clubs,
      num_results: 200,
    });
    const gz = await get('/api/catalog/organizations', 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString()).num_results).toBe(200);
    expect(String(br.vary).toLowerCase()).toContain('accept-encoding');
  });

  it('leaves small answers and clients that accept no encoding alone', async () => {
    expect((await get('/api/catalog/tags', 'gzip, br')).encoding).toBeUndefined();
    const identity = await get('/api/catalog/organizations', 'identity');
    expect(identity.encoding).toBeUndefined();
    expect(JSON.parse(identity.body.toString()).num_results).toBe(200);
  });
});
