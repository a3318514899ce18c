import { z } from 'zod';
import { clubMessage, clubMessages } from '../../domain/messages/club-messages.js';
import { sendMessage } from '../../domain/messages/send-message.js';
import { MessagesLimited } from '../../errors.js';
import {
  messageBody,
  messageDetail,
  messageParams,
  messageSummary,
  messagesQuery,
} from './message-schemas.js';
import { CLUB_TAG, route } from './route.js';
import { linkParams } from './schemas.js';

/** Officers email some of their club's people through the mailer's bulk path, and follow delivery. */
export const messageRoutes = [
  route(
    {
      method: 'post',
      path: '/api/clubs/:link/messages',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary:
        "Email the club's people a filter picks (officers of the club); queued, sent throttled by the mailer",
      params: linkParams,
      body: messageBody,
      responses: { 202: { description: 'Queued', schema: z.object({ message: messageSummary }) } },
      errors: [403, 404, 413, 422, 429],
    },
    async ({ ctx, claims, params, body, res }) => {
      try {
        return { message: await sendMessage(ctx, claims, params.link, body) };
      } catch (error) {
        if (error instanceof MessagesLimited) res.setHeader('Retry-After', String(error.retryAfter));
        throw error;
      }
    },
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/messages',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: "The club's messages, newest first, with delivery counts (officers of the club)",
      params: linkParams,
      query: messagesQuery,
      responses: {
        200: {
          description: 'A page of messages',
          schema: z.object({
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
            messages: z.array(messageSummary),
          }),
        },
      },
      errors: [403, 404],
    },
    ({ ctx, claims, params, query }) =>
      clubMessages(ctx, claims, params.link, { limit: query.limit ?? 20, offset: query.offset ?? 0 }),
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/messages/:id',
      tag: CLUB_TAG,
      auth: 'signed-in',
      summary: "One message with each recipient's delivery status (officers of the club)",
      params: messageParams,
      responses: { 200: { description: 'The message', schema: messageDetail } },
      errors: [403, 404],
    },
    ({ ctx, claims, params }) => clubMessage(ctx, claims, params.link, params.id),
  ),
];
