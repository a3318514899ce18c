import { campusDateTime } from '@sproul/common/time';
import { z } from 'zod';
import { eventTagId, longText, plain, text, unique } from './officer-field-rules.js';
import { clearableWebLink, webLink } from './web-link.js';

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
