import { documentedRequest } from './documented-request.js';
import type { FuzzOptions } from './fuzz-options.js';
import { BAD_OFFSETS, DATE_FIELD, FUZZ_CONTENT_TYPES, LONE_SURROGATE, NUL } from './hostile-values.js';
import { stringLeaves, withLeaf } from './json-leaves.js';
import type { FuzzRoute } from './openapi-document.js';

export interface Variant {
  label: string;
  path: string;
  query: Record<string, string>;
  body?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
  /** Invalid text, which the common check must answer with 400 whatever the route. */
  expect400?: boolean;
}

/** The documented request, then that request with a hostile value in each place one can go. */
export function variantsOf(route: FuzzRoute, options: FuzzOptions): Variant[] {
  const { base, body, parameters, pathValues, pathWith } = documentedRequest(route, options);
  const query = base.query;

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
