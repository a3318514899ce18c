import { z } from 'zod';

// Text PostgreSQL cannot store (NUL, unpaired surrogates) never gets here: the common check refuses it
// in every request (libs/common/src/http/text-input.ts).
const plain = () => z.string();
const lookupId = z.number().int().min(0).max(100_000);
const ids = (max: number) =>
  z
    .array(lookupId)
    .max(max)
    .transform((values) => [...new Set(values)]);

/**
 * Every key optional (upstream crashed on a partial body); lists may be emptied. Upstream's limits: three
 * majors, three minors; interests (tag ids) up to ten here, as the catalog has few dozen tags.
 */
export const studentProfileEditBody = z.strictObject({
  full_name: plain().trim().min(1).max(100).optional(),
  majors: ids(3).optional(),
  minors: ids(3).optional(),
  interests: ids(10).optional(),
  year: lookupId.nullable().optional(),
});
export type StudentProfileEdit = z.output<typeof studentProfileEditBody>;

/**
 * Upstream's finish-register body (require_all): the student's email and their first majors, minors
 * and interests, each a non-empty list of at most three ids.
 */
export const finishRegistrationBody = z.strictObject({
  email: z.string().trim().min(1).max(254),
  majors: ids(3).pipe(z.array(lookupId).min(1)),
  minors: ids(3).pipe(z.array(lookupId).min(1)),
  interests: ids(3).pipe(z.array(lookupId).min(1)),
});
export type FinishRegistration = z.output<typeof finishRegistrationBody>;

/** A club's public id, as in `/api/catalog/organizations/:link_name`. */
const linkName = plain().trim().min(1).max(120);

export const MAX_FAVORITE_CLUBS = 100;
export const MAX_BOARD_COLUMN = 100;

export const favoriteClubsBody = z.strictObject({
  clubs: z.array(linkName).min(1).max(MAX_FAVORITE_CLUBS),
});

/** Columns absent stay as they are; a column sent replaces the stored one and may be empty. */
export const clubBoardBody = z.strictObject({
  interested_clubs: z.array(linkName).max(MAX_BOARD_COLUMN).optional(),
  applied_clubs: z.array(linkName).max(MAX_BOARD_COLUMN).optional(),
  interviewed_clubs: z.array(linkName).max(MAX_BOARD_COLUMN).optional(),
});
export type ClubBoardEdit = z.output<typeof clubBoardBody>;
