import { fetchJson as send } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaHarness, startMediaHarness } from './media-harness.js';

type Operation = { security: unknown; responses: Record<string, unknown> };

describe("media's OpenAPI document", () => {
  let media: MediaHarness;
  let paths: Record<string, Record<string, Operation>>;
  beforeAll(async () => {
    media = await startMediaHarness();
    paths = (await send(media.url('/internal/openapi.json'))).body.paths;
  }, 60_000);
  afterAll(() => media?.close());

  it('describes every route media answers, and nothing else, each public one needing an access token', () => {
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    const served = media.service.routes
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.sort()).toEqual([
      'DELETE /api/admin/gallery-media/{id}',
      'GET /api/admin/gallery-media',
      'POST /api/admin/gallery-media/photo',
      'POST /api/admin/upload-banner',
      'POST /api/admin/upload-logo',
      'POST /api/student/documents/{kind}',
      'PUT /api/admin/gallery-media/photo/{id}',
    ]);
    expect(documented.sort()).toEqual(served);
    for (const [path, methods] of Object.entries(paths).filter(([path]) => path.startsWith('/api/'))) {
      for (const [method, operation] of Object.entries(methods)) {
        expect(operation.security, `${method} ${path}`).toEqual([{ accessToken: [] }]);
        expect(Object.keys(operation.responses), `${method} ${path}`).toContain('401');
      }
    }
  });

  it('describes the internal route other services call, which the gateway does not route', () => {
    const internal = Object.keys(paths).filter((path) => !path.startsWith('/api/'));
    expect(internal).toEqual(['/internal/documents/{userId}/{kind}']);
    expect(Object.keys(paths['/internal/documents/{userId}/{kind}'] ?? {})).toEqual(['get']);
  });
});
