import { campusDateTimeOrNull } from '@sproul/common/time';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH } from '../../domain/password-policy.js';

// Upstream rejects unknown fields and requires every key (Cerberus require_all): strict objects.
const nonEmpty = (max: number) => z.string().min(1).max(max);
export const email = z.email().max(254);
export const password = nonEmpty(MAX_PASSWORD_LENGTH);

export const emailBody = z.strictObject({ email: nonEmpty(254) });
export const passwordBody = z.strictObject({ password });
export const credentialsBody = z.strictObject({ email: nonEmpty(254), password });
export const confirmResetBody = z.strictObject({ token: nonEmpty(200), password });
export const changePasswordBody = z.strictObject({ old_password: password, new_password: password });

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

export const memberRegistrationBody = z.strictObject({
  email,
  password,
  name: z.string().trim().min(1).max(100).nullable().optional(),
});

/** Officer registration carries club fields; the self-service shape is just email, password, name. */
export const isOfficerRegistration = (body: unknown) =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  ('tags' in body || 'num_users' in body);
