import { z } from 'zod';
import { DEFAULT_NUM_USER_TAGS, DEFAULT_TAGS } from '../domain/tags/default-tags.js';
import { demoEventSchema, demoRecruitingEventSchema } from './demo-events.schema.js';
import { dayRange, httpsUrl, text } from './demo-fields.schema.js';

export type { DemoEvent, DemoRecruitingEvent } from './demo-events.schema.js';

/**
 * The contract of `demo-clubs.json`, the demo catalog loaded on first start.
 *
 * Dates are relative, so the catalog looks alive whenever it is loaded: every date is a whole number of
 * days from the load date, counted in the campus time zone (CAMPUS_TZ), never in UTC.
 * - Events and recruiting events: `start_offset_days` + `start_time` ("HH:MM", campus wall-clock time)
 *   give the start; the end is the start plus `duration_minutes` (always > 0, so every event ends after
 *   it starts, possibly on a later day).
 * - `recruiting` and `application_deadline` are day ranges: the period opens at 00:00 campus time on the
 *   day `start_offset_days` from the load date and closes at 23:59:59 on the day `end_offset_days` from
 *   it (end ≥ start). A range with start ≤ 0 ≤ end is open on the load date ("recruiting now").
 * - `application_deadline` appears only on clubs with `app_required` (upstream apply_deadline_start/end).
 *
 * Tags and sizes are given by name (`DEFAULT_TAGS`, `DEFAULT_NUM_USER_TAGS`), not by id, so the data
 * survives a reordering of the defaults; the loader maps them to ids. Lengths follow the club model
 * (upstream §3.2); URLs are https only.
 */

const isDefaultTag = (tag: string) => DEFAULT_TAGS.includes(tag);
const isDefaultNumUsers = (value: string) => DEFAULT_NUM_USER_TAGS.includes(value);

const demoResourceSchema = z.strictObject({ name: text(100), link: httpsUrl });

const demoQuestionSchema = z.strictObject({ question: text(200), answer: text(500) });

const socialMediaLinksSchema = z.strictObject({
  contact_email: z.email().max(254),
  website: httpsUrl.nullable(),
  facebook: httpsUrl.nullable(),
  instagram: httpsUrl.nullable(),
  linkedin: httpsUrl.nullable(),
  twitter: httpsUrl.nullable(),
  youtube: httpsUrl.nullable(),
  github: httpsUrl.nullable(),
  behance: httpsUrl.nullable(),
  medium: httpsUrl.nullable(),
  gcalendar: httpsUrl.nullable(),
  discord: httpsUrl.nullable(),
});

export const demoClubSchema = z
  .strictObject({
    name: text(70),
    tags: z
      .array(z.string().refine(isDefaultTag, 'not one of DEFAULT_TAGS'))
      .min(1)
      .max(3)
      .refine((tags) => new Set(tags).size === tags.length, 'tags repeat'),
    num_users: z.string().refine(isDefaultNumUsers, 'not one of DEFAULT_NUM_USER_TAGS'),
    app_required: z.boolean(),
    about_us: text(1500),
    get_involved: text(1000),
    apply_link: httpsUrl.nullable(),
    recruiting: dayRange.nullable(),
    application_deadline: dayRange.nullable(),
    social_media_links: socialMediaLinksSchema,
    events: z.array(demoEventSchema).max(4),
    recruiting_events: z.array(demoRecruitingEventSchema).max(2),
    resources: z.array(demoResourceSchema).max(3),
    faq: z.array(demoQuestionSchema).max(4),
  })
  .refine((club) => club.app_required || club.application_deadline === null, {
    message: 'application_deadline is only for clubs that require an application',
    path: ['application_deadline'],
  })
  .refine((club) => new Set(club.faq.map((entry) => entry.question)).size === club.faq.length, {
    message: 'FAQ questions repeat',
    path: ['faq'],
  });

export const demoClubsSchema = z.array(demoClubSchema).min(1);

export type DemoClub = z.infer<typeof demoClubSchema>;
