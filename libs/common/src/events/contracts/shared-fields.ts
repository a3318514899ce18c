import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);
export const emailSchema = z.email().max(254);
export const roleSchema = z.enum(['officer', 'student', 'member', 'admin']);
/** Nullable ISO 8601 timestamp with an offset. */
export const timestampSchema = z.iso.datetime({ offset: true }).nullable();
export const linkNameSchema = z.string().min(1).max(120);

/** Auth's account events are about the account (`account`/userId). */
export const aboutAccount = (data: { userId: string }) => ({ type: 'account', id: data.userId });
