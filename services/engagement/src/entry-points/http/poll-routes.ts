import { z } from 'zod';
import { castVote, closePoll, clubPolls, createPoll, pollOf } from '../../domain/polls/polls.js';
import { pollBody, pollParams, pollView, voteBody } from './poll-schemas.js';
import { POLL_TAG, route } from './route.js';
import { linkParams } from './schemas.js';

/** Officers ask the club's members questions; members vote (and change their vote) until the close. */
export const pollRoutes = [
  route(
    {
      method: 'post',
      path: '/api/clubs/:link/polls',
      tag: POLL_TAG,
      auth: 'signed-in',
      summary: "Ask the club's members a question (officers of the club)",
      params: linkParams,
      body: pollBody,
      responses: { 201: { description: 'The poll', schema: pollView } },
      errors: [403, 404],
    },
    ({ ctx, claims, params, body }) => createPoll(ctx, claims, params.link, body),
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/polls',
      tag: POLL_TAG,
      auth: 'signed-in',
      summary: "The club's polls, newest first, with counts (members, officers; admins read)",
      params: linkParams,
      responses: { 200: { description: 'Polls', schema: z.object({ polls: z.array(pollView) }) } },
      errors: [403, 404],
    },
    async ({ ctx, claims, params }) => ({ polls: await clubPolls(ctx, claims, params.link) }),
  ),
  route(
    {
      method: 'get',
      path: '/api/clubs/:link/polls/:pollId',
      tag: POLL_TAG,
      auth: 'signed-in',
      summary:
        'A poll with counts per option and your vote; who voted what only for non-anonymous polls, to officers',
      params: pollParams,
      responses: { 200: { description: 'The poll', schema: pollView } },
      errors: [403, 404],
    },
    ({ ctx, claims, params }) => pollOf(ctx, claims, params.link, params.pollId),
  ),
  route(
    {
      method: 'put',
      path: '/api/clubs/:link/polls/:pollId/vote',
      tag: POLL_TAG,
      auth: 'signed-in',
      summary: 'Vote, or change your vote, while the poll is open (members of the club)',
      params: pollParams,
      body: voteBody,
      responses: { 200: { description: 'The poll with your vote', schema: pollView } },
      errors: [403, 404, 409],
    },
    ({ ctx, claims, params, body }) => castVote(ctx, claims, params.link, params.pollId, body.option_id),
  ),
  route(
    {
      method: 'post',
      path: '/api/clubs/:link/polls/:pollId/close',
      tag: POLL_TAG,
      auth: 'signed-in',
      summary: 'Close the poll now (officers of the club)',
      params: pollParams,
      responses: { 200: { description: 'The closed poll', schema: pollView } },
      errors: [403, 404],
    },
    ({ ctx, claims, params }) => closePoll(ctx, claims, params.link, params.pollId),
  ),
];
