import { z } from 'zod';

// The admin dashboard's tag bodies and path parameters. Upstream rejects unknown fields: strict objects.

/** A tag name: trimmed, 1–100 characters (the TagChanged contract's limit), no control characters. */
export const tagBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
});

/** `/tags/:id`: digits only (upstream's `int(tag_id)` crashed on anything else). */
export const tagIdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a tag id (a non-negative integer)')
    .transform(Number),
});

export const tagUsageSchema = z
  .object({ _id: z.number().int(), name: z.string(), num_clubs: z.number().int() })
  .meta({ id: 'TagUsage' });
