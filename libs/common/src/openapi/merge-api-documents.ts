import type { describeApi } from './describe-api.js';

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
    // Services document their `/internal` routes too (service to service); the gateway does not route
    // them, so the platform's document leaves them out.
    const paths = Object.entries(document.paths ?? {}).filter(([path]) => !path.startsWith('/internal/'));
    Object.assign(merged.paths, Object.fromEntries(paths));
    Object.assign(merged.components.schemas, document.components?.schemas ?? {});
  }
  return merged;
}
