import { successSchema } from '@sproul/common/openapi';
import { z } from 'zod';

export const TAG = 'Admin dashboard';
export const ADMIN = ['admin'] as const;
export const ok = { 200: { description: 'Done', schema: successSchema } };
export const success = { status: 'success' } as const;
export const csv = (description: string) => ({
  200: { description, schema: z.string(), contentType: 'text/csv' },
});
