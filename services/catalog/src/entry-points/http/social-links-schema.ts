import { socialLinkNames } from '@sproul/common/events';
import { z } from 'zod';
import { clearableWebLink } from './web-link.js';

/** Only the keys sent change: an edit of one link leaves the others alone (upstream replaced them all). */
export const socialMediaLinksEdit = z.strictObject({
  contact_email: z.email().max(254).optional(),
  ...Object.fromEntries(socialLinkNames.map((name) => [name, clearableWebLink().optional()])),
}) as z.ZodType<SocialMediaLinksEdit>;

export type SocialMediaLinksEdit = { contact_email?: string } & {
  [K in (typeof socialLinkNames)[number]]?: string | null;
};
