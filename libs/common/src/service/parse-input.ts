import type { z } from 'zod';
import { badRequest } from '../errors/app-error.js';
import { zodIssuesAsFields } from '../http/error-handler.js';

/** Parses a query string or path parameters; a mismatch is a 400 naming each bad parameter. */
export function parseParams<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'query string' | 'path',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw badRequest(
      `A validation error occurred when parsing the ${where}.`,
      zodIssuesAsFields(parsed.error),
    );
  }
  return parsed.data;
}
