import { DATE_FIELD } from './hostile-values.js';
import type { OpenApiDocument, Schema } from './openapi-document.js';

/** A value the schema accepts, as far as a JSON Schema can say (names give the rest through `sample`). */
export function sampleOf(
  schema: Schema | undefined,
  document: OpenApiDocument,
  name: string,
  depth = 0,
): unknown {
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
