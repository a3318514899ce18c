import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, call, startCatalogHarness } from './catalog-harness.js';

const INTERNAL = /^\/(healthz|readyz|metrics|internal\/)/;

describe("the catalog's OpenAPI document", () => {
  let catalog: CatalogHarness;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
  }, 60_000);
  afterAll(() => catalog?.close());

  it('describes every route the service answers, and nothing it does not', async () => {
    const { status, body } = await call(catalog.url('/internal/openapi.json'));
    expect(status).toBe(200);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = catalog.service.routes
      .filter((route) => !INTERNAL.test(route.path))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served).toEqual(
      expect.arrayContaining([
        'GET /api/catalog/organizations',
        'GET /api/catalog/organizations/{link_name}',
        'GET /api/catalog/organizations/{link_name}/events.ics',
      ]),
    );
    expect([...documented].sort()).toEqual([...new Set(served)].sort());
  });

  it('documents the catalog list’s query parameters and answers from the route’s own schemas', async () => {
    const { body } = await call(catalog.url('/internal/openapi.json'));
    const list = body.paths['/api/catalog/organizations'].get;
    const names = list.parameters.map(
      (parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'query:limit',
        'query:skip',
        'query:q',
        'query:tags',
        'query:tags_match',
        'query:sort',
      ]),
    );
    expect(Object.keys(list.responses)).toEqual(expect.arrayContaining(['200', '400']));
    const page = body.paths['/api/catalog/organizations/{link_name}'].get;
    expect(Object.keys(page.responses)).toEqual(expect.arrayContaining(['200', '301', '404']));
    const feed = body.paths['/api/catalog/organizations/{link_name}/events.ics'].get;
    expect(Object.keys(feed.responses['200'].content)).toEqual(['text/calendar']);
  });
});
