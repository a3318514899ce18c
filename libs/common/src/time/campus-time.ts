import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Reads a date-time as clients send it: ISO 8601 with an offset (kept), ISO 8601 without one, or the
 * web client's event-form format `YYYY-MM-DD HH:MM`; values without an offset are wall-clock time on
 * campus (`zone`, e.g. America/Los_Angeles). Answers an ISO 8601 string with an offset, or undefined.
 */
export function parseCampusDateTime(value: string, zone: string): string | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > 40) return undefined;
  const candidates = [
    () => DateTime.fromISO(text, { zone, setZone: true }),
    () => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone }),
    () => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone }),
  ];
  for (const parse of candidates) {
    const parsed = parse();
    if (parsed.isValid && parsed.year >= 1900 && parsed.year <= 9999) return parsed.toISO() ?? undefined;
  }
  return undefined;
}

/** A zod schema for such a date-time. */
export const campusDateTime = (zone: string) =>
  z.string().transform((value, ctx) => {
    const parsed = parseCampusDateTime(value, zone);
    if (parsed === undefined) {
      ctx.addIssue({ code: 'custom', message: 'must be a date-time: ISO 8601, or YYYY-MM-DD HH:MM' });
      return z.NEVER;
    }
    return parsed;
  });
