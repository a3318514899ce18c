import type { Club, ClubChanges } from '../../data-access/club-repository.js';
import type { SocialMediaLinks } from '../../data-access/schema.js';

type DateInput = Date | string | null;

/** A change to a club's profile, in upstream's field names. Absent keys stay as they are. */
export interface ClubPatch {
  name?: string;
  tags?: number[];
  app_required?: boolean;
  new_members?: boolean;
  num_users?: number;
  about_us?: string;
  get_involved?: string;
  apply_link?: string | null;
  apply_deadline_start?: DateInput;
  apply_deadline_end?: DateInput;
  recruiting_start?: DateInput;
  recruiting_end?: DateInput;
  /** Merged into the stored links: keys sent change (null clears one), keys absent stay. */
  social_media_links?: Partial<SocialMediaLinks>;
  logo_url?: string | null;
  banner_url?: string | null;
  reactivated?: boolean;
  confirmed?: boolean;
}

const COLUMNS = {
  name: 'name',
  tags: 'tags',
  app_required: 'appRequired',
  new_members: 'newMembers',
  num_users: 'numUsers',
  about_us: 'aboutUs',
  get_involved: 'getInvolved',
  apply_link: 'applyLink',
  apply_deadline_start: 'applyDeadlineStart',
  apply_deadline_end: 'applyDeadlineEnd',
  recruiting_start: 'recruitingStart',
  recruiting_end: 'recruitingEnd',
  social_media_links: 'socialMediaLinks',
  logo_url: 'logoUrl',
  banner_url: 'bannerUrl',
  reactivated: 'reactivated',
  confirmed: 'confirmed',
} as const satisfies Record<keyof ClubPatch, keyof Club>;

const DATE_FIELDS = new Set([
  'apply_deadline_start',
  'apply_deadline_end',
  'recruiting_start',
  'recruiting_end',
]);

/**
 * A value in a form where equal means unchanged: instants by time, objects (the social links) by their
 * non-null entries in key order, so clearing a link that was never set changes nothing.
 */
const comparable = (value: unknown): unknown => {
  if (value instanceof Date) return value.getTime();
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    return JSON.stringify(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return JSON.stringify(value);
};
const toDate = (value: DateInput) => (value === null ? null : new Date(value));

/** The columns `patch` changes on `club` (equal values are no change), and their upstream field names. */
export function diffClubPatch(club: Club, patch: ClubPatch): { changes: ClubChanges; changed: string[] } {
  const changes: ClubChanges = {};
  const changed: string[] = [];
  for (const [field, column] of Object.entries(COLUMNS) as [keyof ClubPatch, keyof ClubChanges][]) {
    if (patch[field] === undefined) continue;
    let value: unknown = patch[field];
    if (DATE_FIELDS.has(field)) value = toDate(value as DateInput);
    if (field === 'social_media_links') value = { ...club.socialMediaLinks, ...patch.social_media_links };
    if (comparable(value) === comparable(club[column as keyof Club])) continue;
    Object.assign(changes, { [column]: value });
    changed.push(field);
  }
  if (changes.reactivated === true) changes.reactivatedLast = new Date();
  return { changes, changed };
}
