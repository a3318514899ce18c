import { membershipStatuses } from '@sproul/common/events';
import { z } from 'zod';

export const noControl = (text: string) =>
  [...text].every((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f);

export const linkParams = z.object({
  link: z.string().min(1).max(120).refine(noControl, 'must not contain control characters'),
});

export const membershipParams = linkParams.extend({ id: z.uuid() });

export const statusSchema = z.enum(membershipStatuses);

const questionSchema = z.strictObject({
  id: z.uuid().optional().describe("Keep an existing question's id so answers already given to it stay"),
  prompt: z.string().trim().min(1).max(500),
  required: z.boolean(),
  choices: z
    .array(z.string().trim().min(1).max(200))
    .max(20)
    .optional()
    .describe('Answers allowed; none: free text'),
});

export const questionsBody = z.strictObject({
  questions: z
    .array(questionSchema)
    .max(20)
    .refine(
      (list) => new Set(list.flatMap((q) => (q.id ? [q.id] : []))).size === list.filter((q) => q.id).length,
      {
        message: 'question ids must be distinct',
      },
    ),
});

export const questionView = z.object({
  id: z.string(),
  prompt: z.string(),
  required: z.boolean(),
  choices: z.array(z.string()).nullable(),
});

export const termsView = z.object({
  accepting: z.boolean(),
  application_required: z.boolean(),
  questions: z.array(questionView),
  member_count: z.number().int(),
});

export const applicationBody = z.strictObject({
  answers: z.record(z.uuid(), z.string().max(5000)).default({}),
  resume: z.boolean().describe('Whether the student uploaded a résumé through /api/student/documents/resume'),
  year: z.number().int().min(0).max(100).optional(),
  major: z.number().int().min(0).max(100_000).optional(),
});

export const statusBody = z.strictObject({
  status: statusSchema,
  note: z.string().trim().max(1000).optional(),
});

export const membershipView = z.object({
  id: z.string(),
  status: statusSchema,
  answers: z.record(z.string(), z.string()),
  has_resume: z.boolean(),
  year: z.number().int().nullable(),
  major: z.number().int().nullable(),
  applied_at: z.string(),
  updated_at: z.string(),
  history: z.array(
    z.object({
      from: statusSchema.nullable(),
      to: statusSchema,
      by: z.enum(['student', 'officer', 'platform']),
      note: z.string().nullable(),
      at: z.string(),
    }),
  ),
  allowed_moves: z
    .array(statusSchema)
    .describe(
      'Statuses the caller may move this membership to now (a student applies or joins again with POST /api/clubs/:link/membership)',
    ),
});

const wholeNumber = (max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(max));

/** `status=applied,interview` (or repeated): statuses to include. */
const statusList = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')))
  .pipe(z.array(statusSchema).min(1).max(20))
  .meta({ type: 'string', example: 'applied,interview' });

export const peopleFilterQuery = z.object({
  status: statusList.optional(),
  year: wholeNumber(100).optional(),
  major: wholeNumber(100_000).optional(),
  q: z.string().trim().min(1).max(200).optional().describe('Text in the name or email'),
});

export const rosterQuery = peopleFilterQuery.extend({
  limit: wholeNumber(500).pipe(z.number().min(1)).optional(),
  offset: wholeNumber(1_000_000).optional(),
});

export const rosterPerson = z.object({
  id: z.string(),
  account_id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  status: statusSchema,
  year: z.number().int().nullable(),
  major: z.number().int().nullable(),
  has_resume: z.boolean(),
  applied_at: z.string(),
  updated_at: z.string(),
});

/** The query's filter as the domain's `PeopleFilter`. */
export const filterOf = (query: z.output<typeof peopleFilterQuery>) => ({
  statuses: query.status,
  year: query.year,
  major: query.major,
  q: query.q,
});
