import fc from 'fast-check';
import type { FuzzRoute, OpenApiDocument, Schema } from '../route-fuzz/openapi-document.js';
import { type PropertySchema, schemaArbitrary } from './schema-arbitrary.js';

/** A documented request before it is encoded: values by parameter name, and the JSON body as a value. */
export interface RequestParts {
  pathValues: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
}

/** A place in the body a mutation can put a value, with the schema that place has. */
export interface BodySlot {
  path: string[];
  schema: PropertySchema;
}

/** Values the platform knows of (a real club's link name, a real event's id), by parameter name. */
export type KnownValues = (name: string, route: FuzzRoute) => readonly string[] | undefined;

export function bodySchemaOf(route: FuzzRoute): Schema | undefined {
  return route.operation.requestBody?.content?.['application/json']?.schema;
}

/** The documented request of a route, its values from the schemas or, half the time, values the platform knows. */
export function partsArbitrary(
  route: FuzzRoute,
  document: OpenApiDocument,
  known: KnownValues = () => undefined,
): fc.Arbitrary<RequestParts> {
  const parameters = route.operation.parameters ?? [];
  const parameterValue = (name: string, schema: Schema | undefined) => {
    const fromSchema = schemaArbitrary(schema, document, name).map(String);
    const values = known(name, route);
    return values?.length ? fc.oneof(fc.constantFrom(...values), fromSchema) : fromSchema;
  };
  const pathValues = fc.record(
    Object.fromEntries(
      parameters.filter((p) => p.in === 'path').map((p) => [p.name, parameterValue(p.name, p.schema)]),
    ),
  );
  const queryParameters = parameters.filter((p) => p.in === 'query');
  const query = fc.record(
    Object.fromEntries(queryParameters.map((p) => [p.name, parameterValue(p.name, p.schema)])),
    {
      requiredKeys: queryParameters.filter((p) => p.required).map((p) => p.name),
    },
  );
  const bodySchema = bodySchemaOf(route);
  const body = bodySchema ? schemaArbitrary(bodySchema, document) : fc.constant(undefined);
  return fc.record({ pathValues, query, body }) as fc.Arbitrary<RequestParts>;
}

/** Every property of the body's schema, nested objects included (a few levels down). */
export function bodySlots(
  schema: Schema | undefined,
  document: OpenApiDocument,
  path: string[] = [],
): BodySlot[] {
  const resolved = resolve(schema, document);
  if (!resolved || path.length > 3) return [];
  const object = resolved.properties
    ? resolved
    : (resolved.anyOf ?? resolved.oneOf ?? []).map((s) => resolve(s, document)).find((s) => s?.properties);
  if (!object?.properties) return [];
  return Object.entries(object.properties).flatMap(([key, property]) => {
    const slot = { path: [...path, key], schema: resolve(property, document) ?? {} };
    return [slot, ...bodySlots(property, document, slot.path)];
  });
}

function resolve(schema: Schema | undefined, document: OpenApiDocument): PropertySchema | undefined {
  let current = schema;
  for (let depth = 0; current?.$ref && depth < 8; depth++) {
    current = document.components?.schemas?.[current.$ref.split('/').pop()!];
  }
  return current;
}

/** `value` with `leaf` at `path`, objects made on the way where the value had none. */
export function withValueAt(value: unknown, path: string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  const base = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return { ...base, [head!]: withValueAt((base as Record<string, unknown>)[head!], rest, leaf) };
}

/**
 * Percent-encoding as a client would write it, lone surrogates included (encodeURIComponent throws on
 * them): as the three bytes of their WTF-8 form, which no UTF-8 decoder accepts.
 */
export function encodeLoosely(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const paired =
      (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) ||
      (code >= 0xdc00 && code <= 0xdfff && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800);
    if (code >= 0xd800 && code <= 0xdfff && !paired) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else if (code >= 0xd800 && code <= 0xdbff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

export const encodeQuery = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([name, value]) => `${encodeLoosely(name)}=${encodeLoosely(value)}`)
    .join('&');
