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

const isoDate = z.string().nullable().meta({ format: 'date-time' });

export const clubListEntrySchema = z
  .object({
    name: z.string(),
    link_name: z.string(),
    about_us: z.string(),
    tags: z.array(z.number().int()),
    app_required: z.boolean(),
    new_members: z.boolean(),
    num_users: z.number().int(),
    logo_url: z.string().nullable(),
    banner_url: z.string().nullable(),
    last_updated: z.string().meta({ format: 'date-time' }),
    apply_deadline_end: isoDate,
    recruiting_end: isoDate,
  })
  .meta({ id: 'ClubListEntry' });

export const organizationsAnswer = z
  .object({ results: z.array(clubListEntrySchema), num_results: z.number().int() })
  .meta({ id: 'ClubList' });

const eventFields = {
  id: z.string(),
  invite_only: z.boolean(),
  name: z.string(),
  links: z.array(z.string()),
  location: z.string(),
  event_start: z.string().meta({ format: 'date-time' }),
  event_end: z.string().meta({ format: 'date-time' }),
  description: z.string(),
};

/** A similar club, as a club page and a student's profile list it. */
export const recommendedClubSchema = z.object({
  link_name: z.string(),
  name: z.string(),
  logo_url: z.string().nullable(),
  about_us: z.string(),
});

export const clubPageSchema = z
  .object({
    name: z.string(),
    link_name: z.string(),
    tags: z.array(z.number().int()),
    app_required: z.boolean(),
    new_members: z.boolean(),
    num_users: z.number().int(),
    logo_url: z.string().nullable(),
    banner_url: z.string().nullable(),
    gallery_media: z.array(
      z.object({ _cls: z.string(), id: z.string(), type: z.string(), url: z.string(), caption: z.string() }),
    ),
    about_us: z.string(),
    get_involved: z.string(),
    apply_link: z.string().nullable(),
    apply_deadline_start: isoDate,
    apply_deadline_end: isoDate,
    recruiting_start: isoDate,
    recruiting_end: isoDate,
    resources: z.array(z.object({ id: z.string(), name: z.string(), link: z.string() })),
    events: z.array(z.object({ ...eventFields, link: z.string(), tags: z.array(z.number().int()) })),
    recruiting_events: z.array(
      z.object({
        ...eventFields,
        _cls: z.string(),
        link: z.string().nullable(),
        virtual_link: z.string().nullable(),
      }),
    ),
    social_media_links: z.record(z.string(), z.string().nullable()),
    faq: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string() })),
    last_updated: z.string().meta({ format: 'date-time' }),
    reactivated: z.boolean(),
    reactivated_last: isoDate,
    recommended_clubs: z.array(recommendedClubSchema),
  })
  .meta({ id: 'ClubPage' });
