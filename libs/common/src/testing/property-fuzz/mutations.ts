import fc from 'fast-check';
import type { FuzzRoute, OpenApiDocument } from '../route-fuzz/openapi-document.js';
import { type HostileKind, hostileString, RAW_PATH_SEGMENTS, WRONG_TYPES } from './hostile-strings.js';
import {
  type BodySlot,
  bodySchemaOf,
  bodySlots,
  encodeLoosely,
  encodeQuery,
  type RequestParts,
  withValueAt,
} from './request-parts.js';

/** What is done to a documented request; indexes pick a place modulo the places the route has. */
export type Mutation =
  | { kind: 'as documented' }
  | { kind: 'hostile string'; place: number; hostile: { kind: HostileKind; value: string } }
  | { kind: 'wrong type'; place: number; value: number }
  | { kind: 'boundary'; place: number; over: boolean }
  | { kind: 'huge number'; place: number; value: number }
  | { kind: 'malformed JSON'; text: number }
  | { kind: 'content type'; type: number }
  | { kind: 'bad multipart'; variant: number }
  | { kind: 'path traversal'; place: number; segment: number }
  | { kind: 'oversized header'; variant: number }
  | { kind: 'query pollution'; variant: number; hostile: { kind: HostileKind; value: string } }
  | { kind: 'other method'; method: number };

const index = fc.nat({ max: 1_000 });

// As documented first: fast-check shrinks towards the first choice, so a counterexample ends as plain as it can.
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'as documented' as const }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('hostile string' as const),
      place: index,
      hostile: hostileString,
    }),
    weight: 5,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('wrong type' as const), place: index, value: index }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('boundary' as const), place: index, over: fc.boolean() }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('huge number' as const), place: index, value: index }),
    weight: 1,
  },
  { arbitrary: fc.record({ kind: fc.constant('malformed JSON' as const), text: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('content type' as const), type: index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('bad multipart' as const), variant: index }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('path traversal' as const), place: index, segment: index }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('oversized header' as const), variant: index }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('other method' as const), method: index }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('query pollution' as const),
      variant: index,
      hostile: hostileString,
    }),
    weight: 1,
  },
);

// HEAD is left out: its answers have no body to hold the envelope.
const OTHER_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND'];

const MALFORMED_JSON = [
  '{',
  '{"a":}',
  "{'a':1}",
  '[1,2',
  '\ufeff{}',
  'null',
  '"text"',
  '12',
  '[]',
  '{"a":1,"a":2}',
  '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}',
  '',
  'NaN',
  '{"a":1}garbage',
  `${'['.repeat(3_000)}${']'.repeat(3_000)}`,
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  '{"a":1e999999}',
];

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'multipart/form-data',
  'application/octet-stream',
  '',
  '*/*',
  'application/json, text/html',
];

const HUGE_NUMBERS = [1e308, -1e308, -0, 2 ** 53 + 1, -(2 ** 63), 4_294_967_296, 1e-320, 0.1 + 0.2];

const BOUNDARY = 'fuzzboundary';
const BAD_MULTIPARTS: { contentType: string; body: string }[] = [
  { contentType: 'multipart/form-data', body: 'no boundary' },
  { contentType: `multipart/form-data; boundary=${BOUNDARY}`, body: 'not multipart at all' },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\ntruncated`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="../../../etc/passwd"\r\nContent-Type: image/png\r\n\r\nnot a png\r\n--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.svg"\r\nContent-Type: image/svg+xml\r\n\r\n<svg onload="alert(1)"/>\r\n--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${BOUNDARY}`,
    body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.png"\r\n\r\n\u0089PNG\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\n\r\n\u0089PNG\r\n--${BOUNDARY}--\r\n`,
  },
  {
    contentType: `multipart/form-data; boundary=${'b'.repeat(200)}`,
    body: `--${'b'.repeat(200)}\r\nContent-Disposition: form-data; name="${'n'.repeat(10_000)}"\r\n\r\nx\r\n--${'b'.repeat(200)}--\r\n`,
  },
  { contentType: `multipart/mixed; boundary=${BOUNDARY}`, body: `--${BOUNDARY}--\r\n` },
];

const OVERSIZED_HEADERS: Record<string, string>[] = [
  { 'x-fuzz-big': 'a'.repeat(20_000) },
  { cookie: `session=${'c'.repeat(15_000)}` },
  Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-fuzz-${i}`, 'v'.repeat(60)])),
  { 'x-forwarded-for': Array.from({ length: 500 }, (_, i) => `10.0.${i % 250}.1`).join(', ') },
  { accept: 'application/json;q=0.9,'.repeat(400) },
  { 'content-type': `application/json; ${'p=1; '.repeat(2_000)}` },
];

interface Places {
  slots: BodySlot[];
  query: string[];
  path: string[];
}

/** The request that a mutation makes of the documented one. Credentials are the sender's (send-request.ts). */
export function applyMutation(
  route: FuzzRoute,
  document: OpenApiDocument,
  parts: RequestParts,
  mutation: Mutation,
): {
  kind: Mutation['kind'];
  method: string;
  mutation: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body?: string;
} {
  const places: Places = {
    slots: bodySlots(bodySchemaOf(route), document),
    query: (route.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    path: Object.keys(parts.pathValues),
  };
  const rawPath: Record<string, string> = Object.fromEntries(
    Object.entries(parts.pathValues).map(([name, value]) => [name, encodeLoosely(value)]),
  );
  let query = { ...parts.query };
  let body = parts.body;
  let bodyText: string | undefined;
  let extraQuery = '';
  const headers: Record<string, string> = {};
  let label: string = mutation.kind;
  let method = route.method;

  // A value put somewhere: a body field, a query parameter or a path parameter, the `place`-th of them.
  const put = (place: number, value: unknown, what: string) => {
    const all = [
      ...places.slots.map((slot) => ({
        where: `body.${slot.path.join('.')}`,
        set: () => (body = withValueAt(body, slot.path, value)),
      })),
      ...places.query.map((name) => ({
        where: `query ${name}`,
        set: () => (query = { ...query, [name]: String(value) }),
      })),
      ...places.path.map((name) => ({
        where: `path ${name}`,
        set: () => (rawPath[name] = encodeLoosely(String(value))),
      })),
    ];
    if (all.length === 0) {
      query = { ...query, fuzz: String(value) };
      label = `${what} in an undocumented query parameter`;
      return;
    }
    const chosen = all[place % all.length]!;
    chosen.set();
    label = `${what} in ${chosen.where}`;
  };

  switch (mutation.kind) {
    case 'as documented':
      break;
    case 'hostile string':
      put(mutation.place, mutation.hostile.value, `hostile string (${mutation.hostile.kind})`);
      break;
    case 'wrong type': {
      const value = WRONG_TYPES[mutation.value % WRONG_TYPES.length];
      const slot = places.slots[mutation.place % Math.max(1, places.slots.length)];
      if (slot) {
        body = withValueAt(body, slot.path, value);
        label = `wrong type (${describeValue(value)}) in body.${slot.path.join('.')}`;
      } else if (parts.body !== undefined || bodySchemaOf(route)) {
        body = value;
        label = `wrong type (${describeValue(value)}) as the whole body`;
      } else {
        put(mutation.place, describeValue(value), 'wrong type');
      }
      break;
    }
    case 'boundary': {
      const bounded = places.slots.filter(({ schema }) =>
        [
          schema.minLength,
          schema.maxLength,
          schema.minimum,
          schema.maximum,
          schema.minItems,
          schema.maxItems,
        ].some((bound) => bound !== undefined),
      );
      const slot = bounded[mutation.place % Math.max(1, bounded.length)];
      if (!slot) {
        put(
          mutation.place,
          'x'.repeat(mutation.over ? 10_001 : 0),
          mutation.over ? 'long string (10 001)' : 'empty string',
        );
        break;
      }
      const value = beyondBound(slot, mutation.over);
      body = withValueAt(body, slot.path, value.value);
      label = `boundary (${value.label}) in body.${slot.path.join('.')}`;
      break;
    }
    case 'huge number':
      put(
        mutation.place,
        HUGE_NUMBERS[mutation.value % HUGE_NUMBERS.length],
        `number ${HUGE_NUMBERS[mutation.value % HUGE_NUMBERS.length]}`,
      );
      break;
    case 'malformed JSON':
      bodyText = MALFORMED_JSON[mutation.text % MALFORMED_JSON.length];
      headers['content-type'] = 'application/json';
      label = `malformed JSON ${JSON.stringify(bodyText!.slice(0, 40))}`;
      break;
    case 'content type': {
      const type = CONTENT_TYPES[mutation.type % CONTENT_TYPES.length]!;
      bodyText = JSON.stringify(body ?? { fuzz: 1 });
      headers['content-type'] = type;
      label = `content type ${JSON.stringify(type)}`;
      break;
    }
    case 'bad multipart': {
      const multipart = BAD_MULTIPARTS[mutation.variant % BAD_MULTIPARTS.length]!;
      bodyText = multipart.body;
      headers['content-type'] = multipart.contentType;
      label = `bad multipart #${mutation.variant % BAD_MULTIPARTS.length}`;
      break;
    }
    case 'path traversal': {
      const segment = RAW_PATH_SEGMENTS[mutation.segment % RAW_PATH_SEGMENTS.length]!;
      const name = places.path[mutation.place % Math.max(1, places.path.length)];
      if (name) {
        rawPath[name] = segment;
        label = `path traversal ${JSON.stringify(segment.slice(0, 40))} in path ${name}`;
      } else {
        // A route without parameters: the segment after its path, as if it had one.
        label = `path traversal ${JSON.stringify(segment.slice(0, 40))} after the path`;
        rawPath['\u0000suffix'] = segment;
      }
      break;
    }
    case 'oversized header':
      Object.assign(headers, OVERSIZED_HEADERS[mutation.variant % OVERSIZED_HEADERS.length]);
      label = `oversized header #${mutation.variant % OVERSIZED_HEADERS.length}`;
      break;
    case 'other method':
      method = OTHER_METHODS[mutation.method % OTHER_METHODS.length]!;
      label = `method ${method} instead of ${route.method}`;
      break;
    case 'query pollution': {
      const name = places.query[mutation.variant % Math.max(1, places.query.length)] ?? 'q';
      const value = encodeLoosely(mutation.hostile.value);
      const variants = [
        `${name}=1&${name}=${value}`,
        `${name}[]=${value}&${name}[$gt]=`,
        `${name}=${'9'.repeat(8_000)}`,
        `${name}=%&%zz=%E0%A4%A`,
        `__proto__[admin]=1&constructor[prototype][admin]=1&${name}=${value}`,
      ];
      extraQuery = variants[mutation.variant % variants.length]!;
      label = `query pollution #${mutation.variant % variants.length} on ${name}`;
      break;
    }
  }

  const suffix = rawPath['\u0000suffix'];
  const path =
    route.path.replace(/\{(\w+)\}/g, (_, name: string) => rawPath[name] ?? 'fuzz') +
    (suffix ? `/${suffix}` : '');
  if (bodyText === undefined && body !== undefined) {
    bodyText = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  const search = [encodeQuery(query), extraQuery].filter(Boolean).join('&');
  return { kind: mutation.kind, method, mutation: label, path, query: search, headers, body: bodyText };
}

function beyondBound({ schema }: BodySlot, over: boolean): { value: unknown; label: string } {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('array')) {
    const count = over ? (schema.maxItems ?? 100) + 1 : Math.max(0, (schema.minItems ?? 1) - 1);
    return { value: Array.from({ length: count }, () => 'x'), label: `${count} items` };
  }
  if (types.includes('integer') || types.includes('number')) {
    const value = over ? (schema.maximum ?? 2 ** 31) + 1 : (schema.minimum ?? 0) - 1;
    return { value, label: String(value) };
  }
  const length = over ? (schema.maxLength ?? 10_000) + 1 : Math.max(0, (schema.minLength ?? 1) - 1);
  // Multi-byte characters half the time' worth: a length counted in bytes instead of characters shows.
  return { value: (length % 2 ? 'é' : 'x').repeat(length), label: `${length} characters` };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array of ${value.length}`;
  if (typeof value === 'string')
    return value.length > 20 ? `string of ${value.length}` : JSON.stringify(value);
  if (typeof value === 'object') return `object ${JSON.stringify(value)}`;
  return `${typeof value} ${Object.is(value, -0) ? '-0' : String(value)}`;
}
