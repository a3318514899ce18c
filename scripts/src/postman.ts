// Writes docs/postman-collection.json from the platform's OpenAPI document (the same one the gateway
// serves at /api/openapi.json). `npm run docs:postman`; a test fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { authApiDocument } from '@sproul/auth';
import { catalogService } from '@sproul/catalog';
import { mergeApiDocuments } from '@sproul/common/openapi';
import { describeRoutes } from '@sproul/common/service';
import { engagementService } from '@sproul/engagement';
import { mediaService } from '@sproul/media';

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  anyOf?: Schema[];
  items?: Schema;
  format?: string;
};
type Operation = {
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};

/** A placeholder body with every field of the schema, for a person to fill in. */
function example(schema: Schema | undefined): unknown {
  if (!schema) return {};
  if (schema.anyOf) return example(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object')
    return Object.fromEntries(
      Object.entries(schema.properties ?? {}).map(([key, value]) => [key, example(value)]),
    );
  if (type === 'array') return [];
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return false;
  if (type === 'null') return null;
  return schema.format === 'email' ? 'someone@berkeley.edu' : '';
}

const AUTH: Record<string, unknown> = {
  accessToken: { type: 'bearer', bearer: [{ key: 'token', value: '{{accessToken}}', type: 'string' }] },
  refreshToken: { type: 'bearer', bearer: [{ key: 'token', value: '{{refreshToken}}', type: 'string' }] },
  basic: {
    type: 'basic',
    basic: [
      { key: 'username', value: '{{email}}' },
      { key: 'password', value: '{{password}}' },
    ],
  },
};

export function postmanCollection() {
  const document = mergeApiDocuments([
    authApiDocument(),
    describeRoutes(catalogService.name, catalogService.routes ?? []),
    describeRoutes(mediaService.name, mediaService.routes ?? []),
    describeRoutes(engagementService.name, engagementService.routes ?? []),
  ]);
  const folders = new Map<string, unknown[]>();
  for (const [route, methods] of Object.entries(
    document.paths as Record<string, Record<string, Operation>>,
  )) {
    for (const [method, operation] of Object.entries(methods)) {
      const segments = route
        .split('/')
        .filter(Boolean)
        .map((segment) => segment.replace(/^\{(\w+)\}$/, ':$1'));
      const scheme = Object.keys(operation.security?.[0] ?? {})[0];
      const schema = operation.requestBody?.content['application/json']?.schema;
      const item = {
        name: operation.summary ?? `${method.toUpperCase()} ${route}`,
        request: {
          method: method.toUpperCase(),
          header: schema ? [{ key: 'Content-Type', value: 'application/json' }] : [],
          url: { raw: `{{baseUrl}}/${segments.join('/')}`, host: ['{{baseUrl}}'], path: segments },
          ...(scheme ? { auth: AUTH[scheme] } : { auth: { type: 'noauth' } }),
          ...(schema ? { body: { mode: 'raw', raw: JSON.stringify(example(schema), null, 2) } } : {}),
        },
      };
      const folder = operation.tags?.[0] ?? 'Other';
      folders.set(folder, [...(folders.get(folder) ?? []), item]);
    }
  }
  return {
    info: {
      name: document.info.title,
      description:
        'Generated from the OpenAPI document (npm run docs:postman). Set baseUrl, and the tokens after signing in.',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    variable: [
      { key: 'baseUrl', value: 'http://127.0.0.1:8080' },
      { key: 'accessToken', value: '' },
      { key: 'refreshToken', value: '' },
      { key: 'email', value: '' },
      { key: 'password', value: '' },
    ],
    item: [...folders].map(([name, item]) => ({ name, item })),
  };
}

export const postmanFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/postman-collection.json',
);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(postmanFile, `${JSON.stringify(postmanCollection(), null, 2)}\n`);
  console.log(`wrote ${postmanFile}`);
}
