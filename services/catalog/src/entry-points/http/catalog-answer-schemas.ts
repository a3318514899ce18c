import { z } from 'zod';

// What the public catalog answers: a page of list entries, and a club's page.

const isoDate = z.string().nullable().meta({ format: 'date-time' });
const memberCount = z
  .number()
  .int()
  .min(0)
  .describe("The club's members (accepted applicants who joined), as the engagement service counts them");

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
    member_count: memberCount,
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
    member_count: memberCount,
    recommended_clubs: z.array(recommendedClubSchema),
  })
  .meta({ id: 'ClubPage' });

/** An event or recruiting event of some club, as today's list shows it. */
export const eventOfClubSchema = z
  .object({
    ...eventFields,
    kind: z.enum(['event', 'recruiting']).describe('`recruiting`: a recruiting event'),
    link: z.string().nullable(),
    virtual_link: z.string().nullable(),
    club: z.object({ name: z.string(), link_name: z.string() }),
  })
  .meta({ id: 'EventOfClub' });

export const todaysEventsAnswer = z
  .object({
    date: z.string().meta({ format: 'date' }).describe("Today's date on campus (CAMPUS_TZ)"),
    time_zone: z.string().describe('The campus time zone the day is counted in'),
    results: z.array(eventOfClubSchema),
    num_results: z.number().int().describe('Every event of the day, across all pages'),
  })
  .meta({ id: 'TodaysEvents' });
