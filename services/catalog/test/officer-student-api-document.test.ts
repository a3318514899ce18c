import { fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogHarness, startCatalogHarness } from './catalog-harness.js';

type Operation = {
  security: unknown;
  responses: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
};

describe("the catalog's OpenAPI document for the officer and student routes", () => {
  let catalog: CatalogHarness;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    catalog = await startCatalogHarness();
    paths = (await send(catalog.url('/internal/openapi.json'))).body.paths;
  });
  afterAll(() => catalog?.close());

  const documented = (prefix: string) =>
    Object.entries(paths)
      .filter(([path]) => path.startsWith(prefix))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  const served = (prefix: string) =>
    catalog.service.routes
      .filter((route) => route.path.startsWith(prefix))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);

  it.each([
    ['/api/admin/', 18],
    ['/api/student/', 12],
  ])('describes every %s route the catalog answers, and nothing else', (prefix, count) => {
    expect(served(prefix)).toHaveLength(count);
    expect(documented(prefix).sort()).toEqual([...new Set(served(prefix))].sort());
  });

  it('marks the signed-in routes, and only those, as needing an access token with a 401', () => {
    for (const [path, methods] of Object.entries(paths).filter(([path]) =>
      /^\/api\/(admin|student)\//.test(path),
    )) {
      for (const [method, operation] of Object.entries(methods)) {
        const lookup = /\/(majors|minors|years)$/.test(path);
        expect(operation.security, `${method} ${path}`).toEqual(lookup ? [] : [{ accessToken: [] }]);
        if (!lookup) expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
      }
    }
  });

  it('documents the bodies the routes parse: event edits take every field, unknown keys refused', () => {
    const schema = (path: string, method: string) =>
      paths[path]![method]!.requestBody!.content['application/json']!.schema;
    const edit = schema('/api/admin/events/{id}', 'put');
    expect(Object.keys(edit.properties as object)).toEqual(
      expect.arrayContaining(['links', 'location', 'tags', 'invite_only', 'event_start', 'event_end']),
    );
    expect(edit.additionalProperties).toBe(false);
    const profile = schema('/api/admin/profile', 'post');
    expect((profile.properties as Record<string, { maxLength?: number }>).about_us?.maxLength).toBe(750);
    expect(profile.required ?? []).toEqual([]);
    expect(schema('/api/student/favorite-clubs', 'post').required).toEqual(['clubs']);
  });
});
