import type { AccessClaims } from '@sproul/common/auth';
import { parseParams } from '@sproul/common/service';
import { z } from 'zod';
import type { Officer } from '../../../domain/clubs/find-own-club.js';
import { itemIdParams } from '../officer-schemas.js';

export const TAG = 'Officer (club edit)';
export const OFFICER = ['officer'] as const;

/**
 * The zone the document shows date bodies in. Bodies with dates are parsed again in the handler in the
 * configured campus zone (validation does not depend on the zone; the stored instant does).
 */
export const DOC_ZONE = 'America/Los_Angeles';

/** What the document says of `:id`; the handler checks it (after the body, as before the kernel). */
export const idParams = z.object({ id: z.string() });
export const itemId = (params: unknown) => parseParams(itemIdParams, params, 'path').id;

export const me = (claims: AccessClaims): Officer => ({ userId: claims.sub, clubId: claims.club });

/** Keys sent as null mean "leave as is" in upstream's PUT bodies for resources and events. */
export const withoutNulls = <T extends Record<string, unknown>>(body: T) =>
  Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
