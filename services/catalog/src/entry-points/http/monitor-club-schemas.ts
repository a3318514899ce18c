import { z } from 'zod';

// The admin dashboard's club account parameters and answers.

/** `/club/:email`: the officer's email, matched as auth stores it (trimmed, lower-cased). */
export const clubOwnerParams = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1)
    .max(254)
    // No email has control characters.
    .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
});

export const clubAccountSchema = z
  .object({
    name: z.string(),
    email: z.string(),
    confirmed: z.boolean(),
    reactivated: z.boolean(),
    // Ours, after upstream's fields: whether an admin hid the club, and where its public page is.
    hidden: z.boolean().meta({ description: 'Hidden by an admin (`/club/{email}/hide`)' }),
    link_name: z
      .string()
      .meta({ description: "The club's public id: `/api/catalog/organizations/{link_name}`" }),
  })
  .meta({ id: 'ClubAccount' });
