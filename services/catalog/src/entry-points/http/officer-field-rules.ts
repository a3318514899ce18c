import { z } from 'zod';

// Upstream rejects unknown fields (Cerberus allow_unknown=False): every body is a strict object.
// Limits are upstream's API limits; upstream answered some of them with a 500 from the model, here
// every one is a 400 with field-level data.

// Text PostgreSQL cannot store (NUL, unpaired surrogates) never gets here: the common check refuses it
// in every request (libs/common/src/http/text-input.ts).
export const plain = () => z.string();
export const text = (max: number) => plain().trim().min(1).max(max);
export const longText = (max: number) => plain().max(max);
export const tagId = z.number().int().min(0).max(10_000);
/** Upstream took event tags as strings ("3") and stored them as ids; numbers and numeric strings both work. */
export const eventTagId = z.union([
  tagId,
  z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(tagId),
]);
export const unique = <T>(values: T[]) => [...new Set(values)];
