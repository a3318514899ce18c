import { campusDateTime, campusDateTimeOrNull } from '@sproul/common/time';
import { z } from 'zod';
import { clearableWebLink, webLink } from './web-link.js';

// Upstream rejects unknown fields (Cerberus allow_unknown=False): every body is a strict object.
// Limits are upstream's API limits; upstream answered some of them with a 500 from the model, here
// every one is a 400 with field-level data.

// Text PostgreSQL cannot store (NUL, unpaired surrogates) never gets here: the common check refuses it
// in every request (libs/common/src/http/text-input.ts).
const plain = () => z.string();
const text = (max: number) => plain().trim().min(1).max(max);
const longText = (max: number) => plain().max(max);
const tagId = z.number().int().min(0).max(10_000);
/** Upstream took event tags as strings ("3") and stored them as ids; numbers and numeric strings both work. */
const eventTagId = z.union([
  tagId,
  z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(tagId),
]);
const unique = <T>(values: T[]) => [...new Set(values)];

export const SOCIAL_LINKS = [
  'website',
  'facebook',
  'instagram',
  'linkedin',
  'twitter',
  'youtube',
  'github',
  'behance',
  'medium',
  'gcalendar',
  'discord',
] as const;

/** Only the keys sent change: an edit of one link leaves the others alone (upstream replaced them all). */
export const socialMediaLinksEdit = z.strictObject({
  contact_email: z.email().max(254).optional(),
  ...Object.fromEntries(SOCIAL_LINKS.map((name) => [name, clearableWebLink().optional()])),
}) as z.ZodType<SocialMediaLinksEdit>;

export type SocialMediaLinksEdit = { contact_email?: string } & {
  [K in (typeof SOCIAL_LINKS)[number]]?: string | null;
};

export const profileEditBody = (zone: string) => {
  const date = campusDateTimeOrNull(zone).optional();
  return z.strictObject({
    is_reactivating: z.boolean().optional(),
    name: text(70).optional(),
    tags: z.array(tagId).min(1).max(3).transform(unique).optional(),
    app_required: z.boolean().optional(),
    new_members: z.boolean().optional(),
    num_users: tagId.optional(),
    about_us: longText(750).optional(),
    get_involved: longText(500).optional(),
    apply_link: clearableWebLink().optional(),
    apply_deadline_start: date,
    apply_deadline_end: date,
    recruiting_start: date,
    recruiting_end: date,
    social_media_links: socialMediaLinksEdit.optional(),
  });
};
export type ProfileEdit = z.output<ReturnType<typeof profileEditBody>>;

export const resourceBody = z.strictObject({ name: text(100), link: webLink() });
/** Upstream assigns only the keys that are not null. */
export const resourceEditBody = z.strictObject({
  name: text(100).nullish(),
  link: webLink().nullish(),
});

const endAfterStart = (value: { event_start?: string | null; event_end?: string | null }) =>
  !value.event_start || !value.event_end || Date.parse(value.event_end) >= Date.parse(value.event_start);
const endAfterStartIssue = { message: 'must not be before event_start', path: ['event_end'] };

/** `link` is upstream's legacy single link ("" when none); `links` is the list that replaced it. */
const legacyLink = z.union([z.literal(''), webLink()]);

export const eventBody = (zone: string) =>
  z
    .strictObject({
      name: text(100),
      invite_only: z.boolean().default(false),
      link: legacyLink
        .nullable()
        .default('')
        .transform((link) => link ?? ''),
      links: z.array(webLink()).max(20).default([]),
      location: plain().trim().max(1000).default(''),
      event_start: campusDateTime(zone),
      event_end: campusDateTime(zone),
      description: longText(500).default(''),
      tags: z.array(eventTagId).max(20).transform(unique).default([]),
    })
    .refine(endAfterStart, endAfterStartIssue);
export type EventInput = z.output<ReturnType<typeof eventBody>>;

/** Every field can change (upstream refused `links`, `location`, `tags`, `invite_only`); null keeps a value. */
export const eventEditBody = (zone: string) =>
  z
    .strictObject({
      name: text(100).nullish(),
      invite_only: z.boolean().nullish(),
      link: legacyLink.nullish(),
      links: z.array(webLink()).max(20).nullish(),
      location: plain().trim().max(1000).nullish(),
      event_start: campusDateTime(zone).nullish(),
      event_end: campusDateTime(zone).nullish(),
      description: longText(500).nullish(),
      tags: z.array(eventTagId).max(20).transform(unique).nullish(),
    })
    .refine(endAfterStart, endAfterStartIssue);
export type EventEdit = z.output<ReturnType<typeof eventEditBody>>;

export const recruitingEventBody = (zone: string) =>
  z
    .strictObject({
      name: text(100),
      link: clearableWebLink().default(null),
      virtual_link: clearableWebLink().default(null),
      invite_only: z.boolean(),
      event_start: campusDateTime(zone),
      event_end: campusDateTime(zone),
      description: longText(200).default(''),
    })
    .refine(endAfterStart, endAfterStartIssue);
export type RecruitingEventInput = z.output<ReturnType<typeof recruitingEventBody>>;

/** Upstream assigns every key present; only the two links may be null (cleared). */
export const recruitingEventEditBody = (zone: string) =>
  z
    .strictObject({
      name: text(100).optional(),
      link: clearableWebLink().optional(),
      virtual_link: clearableWebLink().optional(),
      invite_only: z.boolean().optional(),
      event_start: campusDateTime(zone).optional(),
      event_end: campusDateTime(zone).optional(),
      description: longText(200).optional(),
    })
    .refine(endAfterStart, endAfterStartIssue);
export type RecruitingEventEdit = z.output<ReturnType<typeof recruitingEventEditBody>>;

export const faqBody = z.strictObject({ question: text(200), answer: text(500) });
export const faqEditBody = z.strictObject({ question: text(200).optional(), answer: text(500).optional() });

export const captionBody = z.strictObject({ caption: plain().trim().max(50) });

/** `:id` in paths: bounded, so a hostile path is a plain 4xx; what it names is the domain's business. */
export const itemIdParams = z.object({ id: z.string().min(1).max(200) });
