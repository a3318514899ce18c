import { z } from 'zod';
import { MAX_LINK_LENGTH, parseWebLink } from './parse-web-link.js';

/** A zod schema for a link `parseWebLink` accepts; the value becomes the normalised link. */
export const webLink = () =>
  z
    .string()
    .max(MAX_LINK_LENGTH)
    .transform((value, ctx) => {
      const link = parseWebLink(value);
      if (link === undefined) {
        ctx.addIssue({ code: 'custom', message: 'must be an http(s) link, e.g. https://example.org' });
        return z.NEVER;
      }
      return link;
    })
    .meta({ format: 'uri', example: 'https://example.org' });

/**
 * An optional link field that may be cleared: `null` and `""` both clear it (the web client sends an
 * emptied form field either way).
 */
export const clearableWebLink = () =>
  z.union([z.literal('').transform(() => null), z.null(), webLink()]).meta({ format: 'uri' });
