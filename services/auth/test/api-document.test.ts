import { fetchJson } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, startAuth } from './auth-harness.js';

const INTERNAL = /^\/(healthz|readyz|metrics|internal\/)/;

describe("auth's OpenAPI document", () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  });
  afterAll(() => auth?.close());

  it('describes every route the service answers, and nothing it does not', async () => {
    const { status, body } = await fetchJson(auth.url('/internal/openapi.json'));
    expect(status).toBe(200);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = auth.service.routes
      .filter((route) => !INTERNAL.test(route.path))
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(25);
    expect([...documented].sort()).toEqual([...new Set(served)].sort());
  });

  it('uses the routes’ own schemas: registration fields, limits and required keys', async () => {
    const { body } = await fetchJson(auth.url('/internal/openapi.json'));
    const register = body.paths['/api/user/register'].post;
    const officer = register.requestBody.content['application/json'].schema.anyOf[0];
    expect(officer.required).toEqual(
      expect.arrayContaining(['name', 'email', 'password', 'tags', 'num_users', 'recruiting_end']),
    );
    expect(officer.properties.tags).toMatchObject({ type: 'array', minItems: 1, maxItems: 3 });
    expect(officer.additionalProperties).toBe(false);
    expect(register.responses['400'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ErrorEnvelope',
    );
    expect(body.paths['/api/user/refresh'].post.security).toEqual([{ refreshToken: [] }]);
  });

  it('documents the credentials each self-service route takes as it takes them', async () => {
    const { body } = await fetchJson(auth.url('/internal/openapi.json'));
    // A token for Basic email and password: a Bearer token gets none (found by the authorization matrix).
    expect(body.paths['/api/user/login'].get).toMatchObject({
      security: [{ basic: [] }],
      'x-auth': { self: 'basic' },
    });
    const bearer = await fetchJson(auth.url('/api/user/login'), { token: 'any.bearer.token' });
    expect(bearer.status).toBe(401);
    expect(body.paths['/api/user'].get.security).toEqual([{ basic: [] }, { accessToken: [] }]);
  });
});
