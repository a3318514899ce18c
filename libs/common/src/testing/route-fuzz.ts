import { request as httpRequest } from 'node:http';

/**
 * Hostile-input checks for every route a service documents: the routes come from its OpenAPI document
 * (the one built from the zod schemas its routes parse with, and checked against the routes it mounts),
 * so a new route is fuzzed without anyone listing it. Each route gets a plausible request built from its
 * schemas, then variants of it: a NUL byte (and an unpaired surrogate) in each string field, path and
 * query parameter; impossible UTC offsets in each date field; and its body under other content types.
 * Every answer must be the route's normal 2xx/3xx or a 4xx, never a 5xx, and every error the JSON envelope.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  example?: unknown;
  minimum?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
};
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRoute {
  method: string;
  /** OpenAPI style, `/api/admin/events/{id}`. */
  path: string;
  operation: Operation;
}

export interface FuzzOptions {
  /** The service's base URL. */
  baseUrl: string;
  document: OpenApiDocument;
  /** Headers for a route (an Authorization that lets the request past the route's guard). */
  headers?: (route: FuzzRoute) => Record<string, string> | Promise<Record<string, string>>;
  /** A value for a path parameter, a query parameter or a body field, by name, when the schema's is not good enough. */
  sample?: (name: string, route: FuzzRoute) => unknown;
  /** Routes to fuzz after all the others (those that sign the harness's own session out), as `METHOD /path`. */
  last?: string[];
  /** Requests in flight at once. */
  concurrency?: number;
  /**
   * Statuses that may answer invalid text instead of the 400 because something in front of the check
   * answers first: a rate limit (429, the default), or a gateway refusing a token the run revoked itself.
   */
  answeredFirst?: number[];
}

export interface FuzzFinding {
  request: string;
  status: number;
  contentType: string;
  body: string;
}

const NUL = 'fuzz\u0000nul';
const LONE_SURROGATE = 'fuzz\ud800x';
const BAD_OFFSETS = ['2030-01-15T10:00:00+24:00', '2030-01-15T10:00:00+99:99', '2030-01-15T10:00:00-23:59'];
export const FUZZ_CONTENT_TYPES = [
  'APPLICATION/JSON',
  'application/json; charset=utf-8',
  'application/vnd.x+json',
  'text/plain',
  null,
  'multipart/form-data; boundary=fuzz',
];
const DATE_FIELD = /(^|_)(start|end|date|deadline|time|at)$/;

export const routesOf = (document: OpenApiDocument): FuzzRoute[] =>
  Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );

/** A value the schema accepts, as far as a JSON Schema can say (names give the rest through `sample`). */
function sampleOf(schema: Schema | undefined, document: OpenApiDocument, name: string, depth = 0): unknown {
  if (!schema || depth > 8) return 'fuzz';
  if (schema.$ref) {
    const id = schema.$ref.split('/').pop()!;
    return sampleOf(document.components?.schemas?.[id], document, name, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum.find((value) => value !== '') ?? schema.enum[0];
  if (schema.example !== undefined) return schema.example;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const chosen = options.find((option) => option.type !== 'null' && !option.enum) ?? options[0];
    return sampleOf(chosen, document, name, depth + 1);
  }
  if (schema.allOf?.[0]) return sampleOf(schema.allOf[0], document, name, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        object[key] = sampleOf(property, document, key, depth + 1);
      }
      return object;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sampleOf(schema.items, document, name, depth + 1),
      );
    case 'integer':
    case 'number':
      return Math.max(0, schema.minimum ?? 0);
    case 'boolean':
      return true;
    default:
      if (schema.format === 'email' || /email/.test(name)) return 'fuzz@berkeley.edu';
      if (schema.format === 'uri' || /link|url/.test(name)) return 'https://example.org';
      if (schema.format === 'date-time' || DATE_FIELD.test(name)) return '2030-01-15T10:00:00-08:00';
      if (/password/.test(name)) return 'Fuzz-pass-42!';
      if (schema.pattern === '^\\d{1,9}$') return '1';
      return 'fuzz'.padEnd(Math.min(schema.minLength ?? 4, schema.maxLength ?? 4), 'z');
  }
}

/** Every string leaf of a value (its path of keys), where a hostile string can be put. */
function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  }
  return [];
}

function withLeaf(value: unknown, path: (string | number)[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = withLeaf((value as Record<string | number, unknown>)[head!], rest, leaf);
  return copy;
}

interface Variant {
  label: string;
  path: string;
  query: Record<string, string>;
  body?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Invalid text, which the common check must answer with 400 whatever the route. */
  expect400?: boolean;
}

function answer(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; contentType: string; text: string }> {
  const framing = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { ...headers, ...framing } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body);
    else req.end();
  });
}

function variantsOf(route: FuzzRoute, options: FuzzOptions): Variant[] {
  const { document } = options;
  const parameters = route.operation.parameters ?? [];
  const pick = (name: string, schema: Schema | undefined) =>
    options.sample?.(name, route) ?? sampleOf(schema, document, name);
  const pathValues = Object.fromEntries(
    parameters.filter((p) => p.in === 'path').map((p) => [p.name, String(pick(p.name, p.schema))]),
  );
  const query = Object.fromEntries(
    parameters
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => [p.name, String(pick(p.name, p.schema))]),
  );
  const pathWith = (values: Record<string, string>, raw: Record<string, string> = {}) =>
    route.path.replace(
      /\{(\w+)\}/g,
      (_, name: string) => raw[name] ?? encodeURIComponent(values[name] ?? 'fuzz'),
    );
  const path = pathWith(pathValues);
  const bodySchema = route.operation.requestBody?.content?.['application/json']?.schema;
  const baseBody = bodySchema ? sampleOf(bodySchema, document, '') : undefined;
  const body =
    baseBody && typeof baseBody === 'object' && !Array.isArray(baseBody)
      ? Object.fromEntries(
          Object.entries(baseBody).map(([key, value]) => [key, options.sample?.(key, route) ?? value]),
        )
      : baseBody;
  const json = body === undefined ? undefined : JSON.stringify(body);
  const base: Variant = { label: 'as documented', path, query, body: json, contentType: 'application/json' };

  const variants: Variant[] = [base];
  if (route.operation.security?.some((scheme) => 'basic' in scheme)) {
    const credentials = Buffer.from(`fuzz\u0000@berkeley.edu:${NUL}`).toString('base64');
    variants.push({
      ...base,
      label: 'NUL in Basic credentials',
      headers: { authorization: `Basic ${credentials}` },
      expect400: true,
    });
  }
  for (const name of Object.keys(pathValues)) {
    // Percent-encoded as a client would send them: a NUL, and a surrogate as (invalid) UTF-8 bytes.
    for (const [label, raw] of [
      ['NUL', 'fuzz%00nul'],
      ['lone surrogate', 'fuzz%ED%A0%80x'],
    ]) {
      variants.push({
        ...base,
        label: `${label} in path parameter ${name}`,
        path: pathWith(pathValues, { [name]: raw! }),
        expect400: true,
      });
    }
  }
  for (const parameter of parameters.filter((p) => p.in === 'query')) {
    variants.push({
      ...base,
      label: `NUL in query parameter ${parameter.name}`,
      query: { ...query, [parameter.name]: NUL },
      expect400: true,
    });
  }
  if (body !== undefined) {
    for (const [index, leaf] of stringLeaves(body).entries()) {
      const field = leaf.join('.');
      variants.push({
        ...base,
        label: `NUL in body field ${field}`,
        body: JSON.stringify(withLeaf(body, leaf, NUL)),
        expect400: true,
      });
      // One field is enough for the rarer unpaired surrogate (the check is one for all fields); NUL goes everywhere.
      if (index === 0) {
        variants.push({
          ...base,
          label: `lone surrogate in body field ${field}`,
          // JSON.stringify writes a lone surrogate as the escape `\ud800`, as a hostile client would.
          body: JSON.stringify(withLeaf(body, leaf, LONE_SURROGATE)),
          expect400: true,
        });
      }
      if (DATE_FIELD.test(String(leaf[leaf.length - 1]))) {
        for (const offset of BAD_OFFSETS) {
          variants.push({
            ...base,
            label: `offset ${offset.slice(19)} in date field ${field}`,
            body: JSON.stringify(withLeaf(body, leaf, offset)),
          });
        }
      }
    }
    for (const contentType of FUZZ_CONTENT_TYPES) {
      variants.push({ ...base, label: `content type ${contentType ?? '(none)'}`, contentType });
    }
  }
  return variants;
}

/** Runs every variant of every documented route; answers what broke the rules (none: all is well). */
export async function fuzzRoutes(
  options: FuzzOptions,
): Promise<{ requests: number; findings: FuzzFinding[] }> {
  const last = new Set(options.last ?? []);
  const isLast = (route: FuzzRoute) => last.has(`${route.method} ${route.path}`);
  const routes = routesOf(options.document);
  const findings: FuzzFinding[] = [];
  let requests = 0;
  for (const batch of [routes.filter((route) => !isLast(route)), routes.filter(isLast)]) {
    requests += await runConcurrently(jobsFor(batch, options, findings), options.concurrency ?? 8);
  }
  return { requests, findings };
}

async function runConcurrently(jobs: (() => Promise<void>)[], concurrency: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
  return jobs.length;
}

function jobsFor(routes: FuzzRoute[], options: FuzzOptions, findings: FuzzFinding[]) {
  const answeredFirst = new Set(options.answeredFirst ?? [429]);
  const jobs: (() => Promise<void>)[] = [];
  for (const route of routes) {
    const documentedTypes = Object.values(route.operation.responses ?? {}).flatMap((response) =>
      Object.keys(response.content ?? {}),
    );
    for (const variant of variantsOf(route, options)) {
      jobs.push(async () => {
        const search = new URLSearchParams(variant.query).toString();
        const url = `${options.baseUrl}${variant.path}${search ? `?${search}` : ''}`;
        const headers: Record<string, string> = { ...(await options.headers?.(route)), ...variant.headers };
        if (variant.body !== undefined && variant.contentType) headers['content-type'] = variant.contentType;
        const res = await answer(url, route.method, headers, variant.body);
        const isJson = /^application\/(.+\+)?json/i.test(res.contentType);
        let envelope = false;
        if (isJson) {
          try {
            envelope = (JSON.parse(res.text) as { status?: unknown }).status === 'error';
          } catch {}
        }
        // A documented 502-504 (single sign-on not configured, say) is the route's normal answer; a 500 never is.
        const documentedFailure = res.status > 500 && String(res.status) in (route.operation.responses ?? {});
        const broken =
          (res.status >= 500 && !documentedFailure) ||
          (res.status >= 400 && !envelope) ||
          (variant.expect400 && res.status !== 400 && !answeredFirst.has(res.status)) ||
          (res.status < 300 &&
            !isJson &&
            !documentedTypes.some((type) => res.contentType.startsWith(type)) &&
            res.text.length > 0);
        if (broken) {
          findings.push({
            request: `${route.method} ${route.path}: ${variant.label}`,
            status: res.status,
            contentType: res.contentType,
            body: res.text.slice(0, 300),
          });
        }
      });
    }
  }
  return jobs;
}
