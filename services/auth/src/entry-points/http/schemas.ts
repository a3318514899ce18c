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
