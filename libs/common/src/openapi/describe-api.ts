import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { RouteDescription, RouteSecurity } from './route-description.js';

export { mergeApiDocuments } from './merge-api-documents.js';
export type { DocumentedAuth, RouteDescription, RouteSecurity } from './route-description.js';

export const errorEnvelopeSchema = z
  .object({ status: z.literal('error'), reason: z.string(), data: z.unknown() })
  .meta({ id: 'ErrorEnvelope', description: 'Every error, from every service and the gateway.' });

export const successSchema = z.object({ status: z.literal('success') }).meta({ id: 'Success' });

const SECURITY: Record<RouteSecurity, Record<string, string[]>[]> = {
  access: [{ accessToken: [] }],
  refresh: [{ refreshToken: [] }],
  basic: [{ basic: [] }],
  'basic-or-bearer': [{ basic: [] }, { accessToken: [] }],
  none: [],
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request (field-level `data` for validation errors)',
  401: 'Missing, invalid, expired or revoked credentials',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests (see Retry-After)',
  503: 'A dependency is unavailable',
};

/** One service's OpenAPI 3.1 document, from the same zod schemas its routes parse with. */
export function describeApi(service: string, routes: RouteDescription[]) {
  const registry = new OpenAPIRegistry();
  for (const route of routes) {
    const errors = new Set([...(route.body ? [400] : []), ...(route.errors ?? [])]);
    if (route.security && route.security !== 'none') errors.add(401);
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      tags: [route.tag],
      security: SECURITY[route.security ?? 'none'],
      ...(route.auth ? { 'x-auth': route.auth } : {}),
      request: {
        ...(route.body
          ? { body: { content: { 'application/json': { schema: route.body } }, required: true } }
          : {}),
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
      },
      responses: Object.fromEntries([
        ...Object.entries(route.responses).map(([status, answer]) => [
          status,
          {
            description: answer.description,
            ...(answer.schema
              ? { content: { [answer.contentType ?? 'application/json']: { schema: answer.schema } } }
              : {}),
          },
        ]),
        ...[...errors].map((status) => [
          String(status),
          {
            description: ERROR_TEXT[status] ?? 'Error',
            content: { 'application/json': { schema: errorEnvelopeSchema } },
          },
        ]),
      ]),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: `sproul.club ${service}`, version: '1.0.0' },
  });
}
