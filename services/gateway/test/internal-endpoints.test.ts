import { request } from 'node:http';
import { MemoryStore } from '@sproul/common/cache';
import { loadConfig } from '@sproul/common/config';
import { listen, type RunningServer } from '@sproul/common/http';
import { testLogger } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gatewayPackage from '../package.json' with { type: 'json' };
import { configSchema } from '../src/config.js';
import { start } from '../src/index.js';
import { internalPort } from '../src/internal-endpoints.js';

/** A raw GET (fetch would resolve `..` before sending): status and body. */
function get(base: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the gateway’s internal endpoints', () => {
  let service: RunningServer;
  let gateway: Awaited<ReturnType<typeof start>>;
  const store = new MemoryStore();
  const reached: string[] = [];

  beforeAll(async () => {
    // Every service answers /healthz, /readyz, /metrics and /internal/* on its own port.
    service = await listen((req, res) => {
      reached.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      const internal = /^\/(readyz|metrics|internal)/.test(req.url ?? '');
      res.end(JSON.stringify({ internal }));
    });
    const urls = Object.fromEntries(
      ['AUTH', 'CATALOG', 'MEDIA', 'MAILER', 'RECOMMENDER', 'MONITOR', 'ENGAGEMENT'].map((name) => [
        `${name}_URL`,
        service.url,
      ]),
    );
    const config = loadConfig(configSchema, { PORT: '0', ...urls, JWKS_URL: `${service.url}/jwks` });
    gateway = await start({ config, logger: testLogger(), store });
  });
  afterAll(async () => {
    await gateway?.stop();
    await service?.close(0);
    await store.close();
  });

  it('serves /readyz and /metrics on the internal listener only; /healthz stays public', async () => {
    for (const path of ['/readyz', '/metrics', '/metrics/', '/READYZ', '/metrics?x=1']) {
      const res = await get(gateway.url, path);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body), path).toMatchObject({ status: 'error' });
    }
    const healthz = await get(gateway.url, '/healthz');
    expect(healthz.status).toBe(200);
    expect(JSON.parse(healthz.body).version).toBe(gatewayPackage.version);
    expect(gateway.internalUrl).not.toBe(gateway.url);
    const ready = await get(gateway.internalUrl, '/readyz');
    expect(ready.status).toBe(200);
    expect(Object.keys(JSON.parse(ready.body).checks)).toContain('auth');
    const metrics = (await get(gateway.internalUrl, '/metrics')).body;
    expect(metrics).toContain('gateway_proxied_requests_total');
    expect(metrics).toContain(`version="${gatewayPackage.version}"`);
  });

  it('lets no /api path reach a service’s /readyz, /metrics or /internal', async () => {
    reached.length = 0;
    for (const path of [
      '/api/user/../../metrics',
      '/api/catalog/../../readyz',
      '/api/catalog/..%2f..%2finternal/similar/x',
      '/api/catalog/%2e%2e/%2E%2E/internal/openapi.json',
      '/api/user/./../../metrics',
      '/api/catalog/x/..',
    ]) {
      const res = await get(gateway.url, path);
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body), path).toMatchObject({ status: 'error', reason: 'Bad request path' });
    }
    expect(reached).toEqual([]);
    // A dot inside a segment is just a character.
    expect((await get(gateway.url, '/api/catalog/clubs/a.b..c')).status).toBe(200);
  });

  it('routes no /internal path: service-to-service routes (media’s documents, the recommender) answer 404', async () => {
    reached.length = 0;
    const userId = '6f1c2a9e-0b7d-4c1e-9a55-3d2f8e7b1c40';
    for (const path of [
      `/internal/documents/${userId}/resume`,
      `/internal/documents/${userId}/waiver?x=1`,
      '/internal/similar/robotics',
      '/INTERNAL/documents/x/resume',
      '/api/internal/documents/x/resume',
      '/api/media/../../internal/documents/x/resume',
    ]) {
      const res = await get(gateway.url, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(JSON.parse(res.body), path).toMatchObject({ status: 'error' });
    }
    expect((await get(gateway.url, `/internal/documents/${userId}/resume`)).status).toBe(404);
    expect(reached).toEqual([]);
  });

  it('listens by default on the public port plus 1000 (an ephemeral port when the public one is)', () => {
    expect(internalPort(loadConfig(configSchema, {}))).toBe(9080);
    expect(internalPort(loadConfig(configSchema, { PORT: '0' }))).toBe(0);
    expect(internalPort(loadConfig(configSchema, { PORT: '8080', INTERNAL_PORT: '9464' }))).toBe(9464);
  });
});
