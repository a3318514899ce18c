import { z } from 'zod';

// The field rules of demo-clubs.json (see demo-clubs.schema.ts for the contract of its dates).

export const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(500);
export const text = (max: number) => z.string().trim().min(1).max(max);
export const offsetDays = z.int().min(-365).max(365);
export const campusTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour campus time)');
// One week at most: the longest demo event is a weekend retreat.
export const durationMinutes = z
  .int()
  .min(1)
  .max(7 * 24 * 60);

export const dayRange = z
  .strictObject({ start_offset_days: offsetDays, end_offset_days: offsetDays })
  .refine((range) => range.end_offset_days >= range.start_offset_days, {
    message: 'end_offset_days must not be before start_offset_days',
  });
