import fc from 'fast-check';
import type { OpenApiDocument, Schema } from '../route-fuzz/openapi-document.js';

/** The keywords this generator reads beyond the route fuzzer's: bounds of numbers and arrays. */
export type PropertySchema = Schema & { maximum?: number; maxItems?: number; additionalProperties?: unknown };

/**
 * Values a JSON Schema accepts, or nearly: what a client that read the documentation would send. Formats
 * (email, uuid, uri, date-time) give realistic strings, and names do where the schema says too little
 * (a `link_name` is a slug). Hostile values come from mutations of these (mutations.ts).
 */
export function schemaArbitrary(
  schema: PropertySchema | undefined,
  document: OpenApiDocument,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant('fuzz');
  if (schema.$ref) {
    const target = document.components?.schemas?.[schema.$ref.split('/').pop()!];
    return schemaArbitrary(target, document, name, depth + 1);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length)
    return fc.oneof(...options.map((option) => schemaArbitrary(option, document, name, depth + 1)));
  if (schema.allOf?.[0]) return schemaArbitrary(schema.allOf[0], document, name, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  return fc.oneof(...types.map((type) => typedArbitrary(type, schema, document, name, depth)));
}

function typedArbitrary(
  type: string,
  schema: PropertySchema,
  document: OpenApiDocument,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: schema.minimum ?? -5,
        max: schema.maximum ?? Math.max(100, (schema.minimum ?? 0) + 100),
      });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'array':
      return fc.array(schemaArbitrary(schema.items, document, name, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)),
      });
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) return fc.constant({});
      const required = new Set(schema.required ?? []);
      const record = Object.fromEntries(
        properties.map(([key, property]) => [key, schemaArbitrary(property, document, key, depth + 1)]),
      );
      return fc.record(record, {
        requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)),
      });
    }
    default:
      return stringArbitrary(schema, name);
  }
}

const SLUG = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/);

function stringArbitrary(schema: PropertySchema, name: string): fc.Arbitrary<string> {
  if (schema.format === 'email' || /email/i.test(name)) {
    return fc.oneof(
      fc.emailAddress(),
      SLUG.map((local) => `${local}@berkeley.edu`),
    );
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'uri' || /(^|_)(link|url)$/i.test(name)) return fc.webUrl();
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'date')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((text) => fits(text, schema));
    } catch {
      // A pattern JavaScript cannot read: fall through to plain text within the bounds.
    }
  }
  if (/link_name|^link$/i.test(name)) return SLUG;
  if (/password/i.test(name))
    return fc.string({ minLength: 8, maxLength: 24 }).map((text) => `Fz-${text}-42!`);
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, Math.max(minLength, 40));
  return fc.string({ minLength, maxLength, unit: 'grapheme' }).filter((text) => fits(text, schema));
}

const fits = (text: string, schema: PropertySchema) =>
  text.length >= (schema.minLength ?? 0) && text.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
