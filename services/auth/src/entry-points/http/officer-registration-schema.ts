import { campusDateTimeOrNull } from '@sproul/common/time';
import { z } from 'zod';
import { email, password } from './schemas.js';

export const officerRegistrationBody = (zone: string) => {
  const date = campusDateTimeOrNull(zone);
  return z.strictObject({
    name: z.string().trim().min(1).max(70),
    email,
    password,
    tags: z
      .array(z.number().int().min(0).max(10_000))
      .min(1)
      .max(3)
      .transform((tags) => [...new Set(tags)]),
    app_required: z.boolean(),
    new_members: z.boolean(),
    num_users: z.number().int().min(0).max(10_000),
    apply_deadline_start: date,
    apply_deadline_end: date,
    recruiting_start: date,
    recruiting_end: date,
  });
};
