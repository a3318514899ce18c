import { allFeedback, clubFeedback, sendFeedback } from '../../domain/feedback/feedback.js';
import { FeedbackLimited } from '../../errors.js';
import {
  allFeedbackView,
  clubFeedbackView,
  feedbackBody,
  feedbackQuery,
  monitorFeedbackQuery,
  sentFeedbackView,
} from './feedback-schemas.js';
import { FEEDBACK_TAG, route } from './route.js';
import { linkParams } from './schemas.js';

/** Anyone signed in rates an event, a club or the platform; officers read their club's, admins all. */
export const feedbackRoutes = [
  route(
    {
      method: 'post',
      path: '/api/feedback',
      tag: FEEDBACK_TAG,
      auth: 'signed-in',
      summary: 'Rate an event, a club or the platform (1..5) with a comment; a few per hour per account',
      body: feedbackBody,
      responses: { 201: { description: 'Stored', schema: sentFeedbackView } },
      errors: [404, 429],
    },
    async ({ ctx, claims, body, res }) => {
      try {
        return await sendFeedback(ctx, claims, body);
      } catch (error) {
        if (error instanceof FeedbackLimited) res.setHeader('Retry-After', String(error.retryAfter));
        throw error;
      }
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/feedback',
      tag: FEEDBACK_TAG,
      auth: 'signed-in',
      summary: 'Feedback about the club and its events, with averages (officers of the club; admins read)',
      params: linkParams,
      query: feedbackQuery,
      responses: { 200: { description: 'A page of feedback', schema: clubFeedbackView } },
      errors: [403, 404],
    },
    ({ ctx, claims, params, query }) =>
      clubFeedback(ctx, claims, params.link, { limit: query.limit ?? 20, offset: query.offset ?? 0 }),
  ),
  route(
    {
      method: 'get',
      path: '/api/monitor/feedback',
      tag: FEEDBACK_TAG,
      auth: ['admin'],
      summary: 'All feedback, newest first, optionally of one kind (admins)',
      query: monitorFeedbackQuery,
      responses: { 200: { description: 'A page of feedback', schema: allFeedbackView } },
    },
    ({ ctx, query }) => allFeedback(ctx, query.kind, { limit: query.limit ?? 20, offset: query.offset ?? 0 }),
  ),
];
