import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { testLogger } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';

/** An instance that names itself in every answer. */
async function instance(name: string) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ instance: name }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A port nothing listens on: bound, noted, closed. */
async function refusingUrl() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('a service with several instances', () => {
  let instances: Awaited<ReturnType<typeof instance>>[];
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();

  beforeAll(async () => {
    instances = [await instance('a'), await instance('b')];
    const down = await refusingUrl();
    const config = loadConfig(configSchema, {
      PORT: '0',
      // The refused one stands for a replica that died.
      CATALOG_URL: [instances[0]!.url, down, instances[1]!.url].join(','),
    });
    gateway = await start({ config, logger: testLogger(), store });
  });
  afterAll(async () => {
    await gateway?.stop();
    await store.close();
    for (const { server } of instances ?? []) server.close();
  });

  it('is balanced round-robin, passing over an instance that refuses connections', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${gateway.url}/api/catalog/clubs`);
      expect(res.status).toBe(200);
      seen.push(((await res.json()) as { instance: string }).instance);
    }
    expect(seen.filter((name) => name === 'a').length).toBeGreaterThanOrEqual(5);
    expect(seen.filter((name) => name === 'b').length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a configuration that is not a list of URLs', () => {
    expect(() => loadConfig(configSchema, { CATALOG_URL: 'http://127.0.0.1:1,not a url' })).toThrow();
  });
});
