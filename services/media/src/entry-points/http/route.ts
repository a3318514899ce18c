import type { AccessClaims } from '@sproul/common/auth';
import { routesOf } from '@sproul/common/service';
import type { Officer } from '../../domain/clubs/find-own-club.js';
import type { MediaContext } from '../../domain/media-context.js';

export const route = routesOf<MediaContext>();

export const TAG = 'Officer (club edit)';
export const OFFICER = ['officer'] as const;

export const me = (claims: AccessClaims): Officer => ({ userId: claims.sub, clubId: claims.club });
