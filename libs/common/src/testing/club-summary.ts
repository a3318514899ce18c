import type { z } from 'zod';
import type { clubSummaryV2Schema } from '../events/index.js';

export type ClubSummaryV2 = z.input<typeof clubSummaryV2Schema>;

/**
 * A club as ClubCreated/ClubUpdated v2 carry it, for tests that play the catalog: visible, confirmed,
 * taking new members without an application, nothing else set; `fields` on top.
 */
export const clubSummaryV2 = (name: string, fields: Partial<ClubSummaryV2> = {}): ClubSummaryV2 => ({
  name,
  link_name: name.toLowerCase(),
  tags: [],
  num_users: 0,
  app_required: false,
  new_members: true,
  about_us: '',
  get_involved: '',
  visible: true,
  confirmed: true,
  reactivated: false,
  registered_at: '2026-01-01T00:00:00.000Z',
  reactivated_last: null,
  has_logo: false,
  has_banner: false,
  social_links: [],
  apply_deadline_start: null,
  apply_deadline_end: null,
  recruiting_start: null,
  recruiting_end: null,
  event_starts: [],
  ...fields,
});
