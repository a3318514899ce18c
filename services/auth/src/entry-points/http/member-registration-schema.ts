import { z } from 'zod';
import { email, password } from './schemas.js';

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
