import { fuzzRoutes, type OpenApiDocument } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monitorOn } from './monitor-harness.js';

describe('the monitor’s OpenAPI document and hostile requests', () => {
  let monitor: Awaited<ReturnType<typeof monitorOn>>;

  beforeAll(async () => {
    monitor = await monitorOn('embedded', new Date());
  });
  afterAll(() => monitor?.close());

  it('documents every route it serves, admin routes with their token and 401', async () => {
    const { status, body } = await monitor.get('/internal/openapi.json', null);
    expect(status).toBe(200);
    const paths = body.paths as Record<string, Record<string, { security?: unknown; responses: object }>>;
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    // The API and the admin web app's files (/admin), as OpenAPI spells parameters.
    const served = monitor.service.routes
      .filter((route) => /^\/(api|admin)(\/|$)/.test(route.path))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual([...new Set(served)].sort());
    expect(served).toHaveLength(13);
    for (const [path, methods] of Object.entries(paths)) {
      for (const operation of Object.values(methods)) {
        if (path === '/api/stats/public' || path.startsWith('/admin')) continue;
        expect(operation.security, path).toEqual([{ accessToken: [] }]);
        expect(Object.keys(operation.responses), path).toContain('401');
      }
    }
  });

  it('answers every hostile variant of its routes with a JSON 4xx or its answer, never a 500', async () => {
    const document = (await monitor.get('/internal/openapi.json', null)).body as OpenApiDocument;
    const admin = await monitor.auth.token('admin');
    const { requests, findings } = await fuzzRoutes({
      baseUrl: monitor.url(''),
      document,
      headers: () => ({ authorization: `Bearer ${admin}` }),
    });
    expect(findings).toEqual([]);
    // The routes take no input: each is sent with its credentials' variants at least.
    expect(requests).toBeGreaterThanOrEqual(7);
  });
});
