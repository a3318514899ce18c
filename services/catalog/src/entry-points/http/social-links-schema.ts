import { z } from 'zod';
import { clearableWebLink } from './web-link.js';

export const SOCIAL_LINKS = [
  'website',
  'facebook',
  'instagram',
  'linkedin',
  'twitter',
  'youtube',
  'github',
  'behance',
  'medium',
  'gcalendar',
  'discord',
] as const;

/** Only the keys sent change: an edit of one link leaves the others alone (upstream replaced them all). */
export const socialMediaLinksEdit = z.strictObject({
  contact_email: z.email().max(254).optional(),
  ...Object.fromEntries(SOCIAL_LINKS.map((name) => [name, clearableWebLink().optional()])),
}) as z.ZodType<SocialMediaLinksEdit>;

export type SocialMediaLinksEdit = { contact_email?: string } & {
  [K in (typeof SOCIAL_LINKS)[number]]?: string | null;
};
