import { z } from 'zod';

// Query values arrive as strings (an array when repeated). Absent paging uses upstream's defaults;
// anything present but malformed is a 400 naming the parameter (upstream answered some with a 500).

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')
  .meta({ type: 'boolean' });

/** `tags=1,4` or `tags=1&tags=4`. */
const idList = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^\d{1,5}$/, 'must be ids: whole numbers separated by commas')
          .transform(Number),
      )
      .min(1)
      .max(50),
  )
  .meta({ type: 'string', example: '1,4' });

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

export const organizationsQuery = z.object({
  limit: integer(1, MAX_LIMIT)
    .optional()
    .meta({ description: `Page size, 1-${MAX_LIMIT}; default ${DEFAULT_LIMIT}` }),
  skip: integer(0, 1_000_000).optional().meta({ description: 'Clubs to skip; default 0' }),
  q: z.string().max(200).optional().meta({ description: 'Full-text search, prefix matching on every word' }),
  tags: idList.optional().meta({ description: 'Tag ids, comma-separated or repeated' }),
  tags_match: z
    .enum(['any', 'all'])
    .optional()
    .meta({ description: '`any` (default): at least one of the tags; `all`: every one' }),
  app_required: flag.optional(),
  new_members: flag.optional(),
  num_users: idList.optional().meta({ description: 'Member-count range ids, comma-separated or repeated' }),
  recruiting: z.literal('now').optional().meta({
    description:
      'Only clubs recruiting now: application window open (clubs requiring one), else recruiting window',
  }),
  sort: z
    .enum(['relevance', 'name', 'last_updated'])
    .optional()
    .meta({ description: 'Default: relevance with `q`, else name; last_updated is newest first' }),
});

/** No link name has control characters: those are 400s, not lookups. */
const hasNoControlCharacters = (value: string) =>
  [...value].every((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f);

export const linkNameParams = z.object({
  link_name: z.string().min(1).max(120).refine(hasNoControlCharacters, 'must not contain control characters'),
});

export const TODAY_DEFAULT_LIMIT = 50;
export const TODAY_MAX_LIMIT = 100;

export const todaysEventsQuery = z.object({
  limit: integer(1, TODAY_MAX_LIMIT)
    .optional()
    .meta({ description: `Page size, 1-${TODAY_MAX_LIMIT}; default ${TODAY_DEFAULT_LIMIT}` }),
  skip: integer(0, 1_000_000).optional().meta({ description: 'Events to skip; default 0' }),
});
