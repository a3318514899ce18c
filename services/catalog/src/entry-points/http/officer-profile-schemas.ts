import { campusDateTimeOrNull } from '@sproul/common/time';
import { z } from 'zod';
import { longText, tagId, text, unique } from './officer-field-rules.js';
import { socialMediaLinksEdit } from './social-links-schema.js';
import { clearableWebLink } from './web-link.js';

export const profileEditBody = (zone: string) => {
  const date = campusDateTimeOrNull(zone).optional();
  return z.strictObject({
    is_reactivating: z.boolean().optional(),
    name: text(70).optional(),
    tags: z.array(tagId).min(1).max(3).transform(unique).optional(),
    app_required: z.boolean().optional(),
    new_members: z.boolean().optional(),
    num_users: tagId.optional(),
    about_us: longText(750).optional(),
    get_involved: longText(500).optional(),
    apply_link: clearableWebLink().optional(),
    apply_deadline_start: date,
    apply_deadline_end: date,
    recruiting_start: date,
    recruiting_end: date,
    social_media_links: socialMediaLinksEdit.optional(),
  });
};
export type ProfileEdit = z.output<ReturnType<typeof profileEditBody>>;
