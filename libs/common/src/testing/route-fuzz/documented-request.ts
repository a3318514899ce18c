import type { FuzzOptions } from './fuzz-options.js';
import type { FuzzRoute, Schema } from './openapi-document.js';
import { sampleOf } from './sample-value.js';
import type { Variant } from './variants.js';

/** The route's plausible request, built from its schemas (and `sample`), and how to vary its path. */
export function documentedRequest(route: FuzzRoute, options: FuzzOptions) {
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
  return { base, body, parameters, pathValues, pathWith };
}
