import { z } from 'zod';
import { linkParams, noControl } from './schemas.js';

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** Control characters refused, line breaks and tabs kept (a comment may have paragraphs). */
const noControlButLines = (text: string) => noControl(text.replace(/[\n\r\t]/g, ' '));

const clubLink = linkParams.shape.link;

export const feedbackAbout = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('event'),
    club: clubLink,
    event_id: z.uuid().describe("The catalog's id of one of the club's events"),
  }),
  z.strictObject({ kind: z.literal('club'), club: clubLink }),
  z.strictObject({ kind: z.literal('platform') }),
]);

export const feedbackBody = z.strictObject({
  about: feedbackAbout,
  rating: z.number().int().min(1).max(5),
  comment: z.string().max(2000).refine(noControlButLines, 'must not contain control characters').default(''),
});

export const feedbackKinds = ['event', 'club', 'platform'] as const;

export const feedbackQuery = z.object({
  limit: wholeNumber(1, 100).optional(),
  offset: wholeNumber(0, 1_000_000).optional(),
});

export const monitorFeedbackQuery = feedbackQuery.extend({ kind: z.enum(feedbackKinds).optional() });

const feedbackView = z.object({
  id: z.string(),
  kind: z.enum(feedbackKinds),
  event_id: z.string().nullable(),
  rating: z.number().int(),
  comment: z.string(),
  created_at: z.string(),
});

const average = z.object({ average: z.number().nullable(), count: z.number().int() });

export const sentFeedbackView = feedbackView;

export const clubFeedbackView = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  club: average.describe('Feedback about the club itself'),
  events: z.array(z.object({ event_id: z.string(), average: z.number(), count: z.number().int() })),
  feedback: z.array(feedbackView),
});

export const allFeedbackView = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  feedback: z.array(feedbackView.extend({ account_id: z.string(), club_id: z.string().nullable() })),
});
