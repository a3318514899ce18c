import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Reads a date-time as clients send it: ISO 8601 with an offset (kept), ISO 8601 without one, or the
 * web client's event-form format `YYYY-MM-DD HH:MM`; values without an offset are wall-clock time on
 * campus (`zone`, e.g. America/Los_Angeles). Answers an ISO 8601 string with an offset, or undefined.
 */
export function parseCampusDateTime(value: string, zone: string): string | undefined {
  const text = value.trim();
  if (text.length === 0 || text.length > 40 || !plausibleOffsetText(text)) return undefined;
  const candidates = [
    () => DateTime.fromISO(text, { zone, setZone: true }),
    () => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone }),
    () => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm:ss', { zone }),
  ];
  for (const parse of candidates) {
    const parsed = parse();
    if (parsed.isValid && parsed.year >= 1900 && parsed.year <= 9999 && offsetInUse(parsed.offset)) {
      return parsed.toISO() ?? undefined;
    }
  }
  return undefined;
}

// Offsets clocks actually use, UTC-12:00 to UTC+14:00. Luxon accepts `+24:00` and even `+99:99` (as
// +100:39), which JavaScript's Date, the event contracts and PostgreSQL then refuse: a 500, not a 400.
const offsetInUse = (minutes: number) => minutes >= -12 * 60 && minutes <= 14 * 60;

// An offset written with minutes past 59 (`+05:75`) is a typo Luxon would quietly carry into the hour.
const WRITTEN_OFFSET = /\d[+-]\d{2}:?(\d{2})$/;
const plausibleOffsetText = (text: string) => Number(WRITTEN_OFFSET.exec(text)?.[1] ?? 0) < 60;

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

/**
 * A club's optional date (recruiting and application windows): such a date-time, or null. Upstream's
 * Postman collection sends the string `"null"` for an empty date, and upstream stored it as null; an
 * empty string is read the same way.
 */
export const campusDateTimeOrNull = (zone: string) =>
  z.preprocess(
    (value) => (value === 'null' || (typeof value === 'string' && value.trim() === '') ? null : value),
    campusDateTime(zone).nullable(),
  );
