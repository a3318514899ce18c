import { z } from 'zod';
import { linkParams, noControl } from './schemas.js';

const line = (max: number) =>
  z.string().trim().min(1).max(max).refine(noControl, 'must not contain control characters');

export const pollBody = z.strictObject({
  question: line(500),
  options: z
    .array(line(200))
    .min(2)
    .max(10)
    .refine((list) => new Set(list).size === list.length, 'options must be distinct'),
  closes_at: z.iso.datetime({ offset: true }).describe('When voting ends; must be in the future'),
  anonymous: z.boolean().describe('Nobody, officers and admins included, can see who voted what'),
});

export const voteBody = z.strictObject({ option_id: z.uuid() });

export const pollParams = linkParams.extend({ pollId: z.uuid() });

export const pollView = z.object({
  id: z.string(),
  question: z.string(),
  anonymous: z.boolean(),
  closes_at: z.string(),
  closed_at: z.string().nullable(),
  closed: z.boolean(),
  created_at: z.string(),
  total_votes: z.number().int(),
  options: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      count: z.number().int(),
      voters: z
        .array(z.object({ account_id: z.string(), name: z.string().nullable() }))
        .optional()
        .describe("Non-anonymous polls, to the club's officers and admins only"),
    }),
  ),
  my_vote: z.string().nullable(),
});
