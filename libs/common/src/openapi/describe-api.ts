import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/** How a route is authenticated, as the OpenAPI document shows it. */
export type RouteSecurity = 'access' | 'refresh' | 'basic-or-bearer' | 'none';

export interface RouteDescription {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/user/confirm/{token}`. */
  path: string;
  summary: string;
  tag: string;
  security?: RouteSecurity;
  body?: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Success answers by status; error answers (the envelope) are added from `errors`. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Error statuses this route answers, besides the 400 every body-taking route has. */
  errors?: number[];
}

export const errorEnvelopeSchema = z
  .object({ status: z.literal('error'), reason: z.string(), data: z.unknown() })
  .meta({ id: 'ErrorEnvelope', description: 'Every error, from every service and the gateway.' });

export const successSchema = z.object({ status: z.literal('success') }).meta({ id: 'Success' });

const SECURITY: Record<RouteSecurity, Record<string, string[]>[]> = {
  access: [{ accessToken: [] }],
  refresh: [{ refreshToken: [] }],
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

type Document = ReturnType<typeof describeApi>;

/** The services' documents as one, with the platform's security schemes: what the gateway serves. */
export function mergeApiDocuments(documents: Document[]) {
  const merged = {
    openapi: '3.1.0',
    info: {
      title: 'sproul.club API',
      version: '1.0.0',
      description:
        'Every public route of the platform, through the gateway. Errors are `{status, reason, data}`.',
    },
    paths: {} as Record<string, unknown>,
    components: {
      schemas: {} as Record<string, unknown>,
      securitySchemes: {
        accessToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token (30 minutes)',
        },
        refreshToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A refresh token (15 days)',
        },
        basic: {
          type: 'http',
          scheme: 'basic',
          description: 'Email and password, or an access token as the user name',
        },
      },
    },
  };
  for (const document of documents) {
    Object.assign(merged.paths, document.paths ?? {});
    Object.assign(merged.components.schemas, document.components?.schemas ?? {});
  }
  return merged;
}
