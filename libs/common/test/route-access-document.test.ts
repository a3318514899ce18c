import { describe, expect, it } from 'vitest';
import { defineRoute, describeRoutes } from '../src/service/index.js';

const ok = { 200: { description: 'OK' } };

// The authorization matrix (e2e/authorization.test.ts) reads whom each route lets in from the
// platform's document: `security` names the credentials, `x-auth` the route's `auth` as declared.
describe("a service's OpenAPI document says whom each route lets in", () => {
  it('writes each route’s auth as x-auth, role lists as {roles}', () => {
    const routes = [
      defineRoute({ method: 'get', path: '/open', summary: 's', tag: 't', responses: ok }, () => ({})),
      defineRoute(
        { method: 'get', path: '/maybe', summary: 's', tag: 't', auth: 'optional', responses: ok },
        () => ({}),
      ),
      defineRoute(
        { method: 'get', path: '/mine', summary: 's', tag: 't', auth: 'signed-in', responses: ok },
        () => ({}),
      ),
      defineRoute(
        { method: 'delete', path: '/x/:id', summary: 's', tag: 't', auth: ['admin'], responses: ok },
        () => ({}),
      ),
      defineRoute(
        {
          method: 'post',
          path: '/refresh',
          summary: 's',
          tag: 't',
          auth: { self: 'refresh' },
          responses: ok,
        },
        () => ({}),
      ),
    ];
    const paths = describeRoutes('test', routes as never).paths as Record<
      string,
      Record<string, { 'x-auth': unknown; security: unknown }>
    >;
    expect(paths['/open']!.get!['x-auth']).toBe('public');
    expect(paths['/maybe']!.get!['x-auth']).toBe('optional');
    expect(paths['/mine']!.get!['x-auth']).toBe('signed-in');
    expect(paths['/x/{id}']!.delete!).toMatchObject({
      'x-auth': { roles: ['admin'] },
      security: [{ accessToken: [] }],
    });
    expect(paths['/refresh']!.post!).toMatchObject({
      'x-auth': { self: 'refresh' },
      security: [{ refreshToken: [] }],
    });
  });
});
