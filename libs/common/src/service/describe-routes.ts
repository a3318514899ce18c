import { z } from 'zod';
import {
  type DocumentedAuth,
  describeApi,
  type RouteDescription,
  type RouteSecurity,
} from '../openapi/describe-api.js';
import type { RouteAuth, RouteDefinition } from './define-route.js';

const security = (auth: RouteAuth = 'public'): RouteSecurity => {
  if (auth === 'public' || auth === 'optional') return 'none';
  if (typeof auth === 'object' && 'self' in auth) return auth.self;
  return 'access';
};

/** The route's `auth` as the document's `x-auth` says it: a role list as `{roles}`. */
const documentedAuth = (auth: RouteAuth = 'public'): DocumentedAuth =>
  Array.isArray(auth) ? { roles: [...auth] } : (auth as Exclude<DocumentedAuth, { roles: string[] }>);

/** `/a/:b` → `/a/{b}`, and the path's parameters as strings when the route declares no schema. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const pathParams = (path: string) =>
  z.object(Object.fromEntries([...path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, z.string()])));

/** A service's OpenAPI 3.1 document, from its route definitions. */
export function describeRoutes(service: string, routes: RouteDefinition<never>[]) {
  const descriptions: RouteDescription[] = routes.map(({ spec }) => ({
    method: spec.method,
    path: openApiPath(spec.path),
    summary: spec.summary,
    tag: spec.tag,
    security: security(spec.auth),
    auth: documentedAuth(spec.auth),
    body: spec.body ?? spec.documented?.body,
    query: (spec.query as z.ZodObject | undefined) ?? spec.documented?.query,
    params:
      (spec.params as z.ZodObject | undefined) ??
      spec.documented?.params ??
      (spec.path.includes(':') ? pathParams(spec.path) : undefined),
    responses: spec.responses,
    errors: spec.errors,
  }));
  return describeApi(service, descriptions);
}
