import { z } from 'zod';
import { recommendedClubSchema } from './catalog-answer-schemas.js';

/** A club recommended to a student, and why ("because you follow X", "matches your interest in Y"). */
export const studentRecommendedClubSchema = recommendedClubSchema.extend({ reason: z.string() });

// What the officer and student routes answer, for the OpenAPI document (the views build these shapes).

const date = z.string().meta({ format: 'date-time', description: 'ISO 8601 with the campus offset' });

export const resourceAnswer = z
  .object({ id: z.string(), name: z.string(), link: z.string() })
  .meta({ id: 'Resource' });

const eventCommon = {
  id: z.string(),
  invite_only: z.boolean(),
  name: z.string(),
  links: z.array(z.string()),
  location: z.string(),
  event_start: date,
  event_end: date,
  description: z.string(),
};

export const eventAnswer = z
  .object({ _cls: z.literal('Event'), ...eventCommon, link: z.string(), tags: z.array(z.number().int()) })
  .meta({ id: 'OfficerEvent' });

export const recruitingEventAnswer = z
  .object({
    _cls: z.literal('Event.RecruitingEvent'),
    ...eventCommon,
    link: z.string().nullable(),
    virtual_link: z.string().nullable(),
  })
  .meta({ id: 'RecruitingEvent' });

export const questionAnswer = z
  .object({ id: z.string(), question: z.string(), answer: z.string() })
  .meta({ id: 'FaqQuestion' });

export const galleryItemAnswer = z
  .object({
    _cls: z.literal('GalleryMedia.GalleryPic'),
    id: z.string(),
    type: z.literal('picture'),
    url: z.string(),
    caption: z.string(),
  })
  .meta({ id: 'GalleryItem' });

export const officerProfileAnswer = z
  .object({
    name: z.string(),
    link_name: z.string(),
    owner: z.string(),
    confirmed: z.boolean(),
    tags: z.array(z.number().int()),
    app_required: z.boolean(),
    new_members: z.boolean(),
    num_users: z.number().int(),
    logo_url: z.string().nullable(),
    banner_url: z.string().nullable(),
    gallery_media: z.array(galleryItemAnswer),
    about_us: z.string(),
    get_involved: z.string(),
    apply_link: z.string().nullable(),
    apply_deadline_start: date.nullable(),
    apply_deadline_end: date.nullable(),
    recruiting_start: date.nullable(),
    recruiting_end: date.nullable(),
    resources: z.array(resourceAnswer),
    events: z.array(eventAnswer),
    recruiting_events: z.array(recruitingEventAnswer),
    social_media_links: z.record(z.string(), z.string().nullable()),
    faq: z.array(questionAnswer),
    last_updated: date,
    reactivated: z.boolean(),
    reactivated_last: date.nullable(),
  })
  .meta({ id: 'OfficerClubProfile' });

export const studentClubAnswer = z
  .object({
    name: z.string(),
    link_name: z.string(),
    logo_url: z.string().nullable(),
    events: z.array(eventAnswer.omit({ _cls: true })),
    recruiting_events: z.array(recruitingEventAnswer),
  })
  .meta({ id: 'StudentClub' });

export const clubBoardAnswer = z
  .object({
    interested_clubs: z.array(studentClubAnswer),
    applied_clubs: z.array(studentClubAnswer),
    interviewed_clubs: z.array(studentClubAnswer),
  })
  .meta({ id: 'ClubBoard' });

export const studentProfileAnswer = z
  .object({
    full_name: z.string(),
    email: z.string(),
    majors: z.array(z.object({ id: z.number().int(), major: z.string() })),
    minors: z.array(z.object({ id: z.number().int(), minor: z.string() })),
    interests: z.array(z.object({ id: z.number().int(), name: z.string() })),
    year: z.object({ id: z.number().int(), year: z.string() }).nullable(),
    favorited_clubs: z.array(studentClubAnswer),
    club_board: clubBoardAnswer,
    visited_clubs: z.array(z.string()).meta({ description: 'Link names, most recent first (at most 50)' }),
    recommended_clubs: z.array(studentRecommendedClubSchema),
  })
  .meta({ id: 'StudentProfile' });
