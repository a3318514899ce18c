import { openStorage, type Storage, type TokenIssuer, tokenIssuer } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, call, startCatalog } from './monitor-harness.js';

describe("the catalog's OpenAPI document for the dashboard routes", () => {
  let auth: TokenIssuer;
  let storage: Storage;
  let closeStorage: () => Promise<void>;
  let catalog: CatalogHarness;

  beforeAll(async () => {
    auth = await tokenIssuer();
    ({ storage, close: closeStorage } = await openStorage('embedded'));
    catalog = await startCatalog(auth, storage, { RECRUITING_CHECK_INTERVAL_MS: '0' });
  });
  afterAll(async () => {
    await catalog?.close();
    await closeStorage?.();
    await auth?.close();
  });

  it('describes every /api/monitor route the catalog answers, as admin-only, with its errors', async () => {
    const { status, body } = await call(catalog.url('/internal/openapi.json'));
    expect(status).toBe(200);
    const paths = body.paths as Record<string, Record<string, { security: unknown; responses: object }>>;
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/monitor/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const served = catalog.service.routes
      .filter((route) => route.path.startsWith('/api/monitor/'))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served).toHaveLength(10);
    expect(documented.sort()).toEqual([...new Set(served)].sort());

    for (const [path, methods] of Object.entries(paths).filter(([path]) =>
      path.startsWith('/api/monitor/'),
    )) {
      for (const operation of Object.values(methods)) {
        expect(operation.security, path).toEqual([{ accessToken: [] }]);
        expect(Object.keys(operation.responses), path).toContain('401');
      }
    }
    const remove = paths['/api/monitor/tags/{id}']!.delete!;
    expect(Object.keys(remove.responses)).toEqual(expect.arrayContaining(['200', '400', '409']));
    for (const action of ['hide', 'unhide']) {
      const hide = paths[`/api/monitor/club/{email}/${action}`]!.post!;
      expect(Object.keys(hide.responses).sort()).toEqual(['200', '400', '401', '404']);
    }
    const download = paths['/api/monitor/club/download']!.get!.responses as Record<
      string,
      { content: object }
    >;
    expect(Object.keys(download['200']!.content)).toEqual(['text/csv']);
  });
});
