import type { Tx } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type Club, type ClubChanges, clubRepository } from '../../data-access/club-repository.js';
import type { SocialMediaLinks } from '../../data-access/schema.js';
import { uniqueLinkName } from '../clubs/club-link-name.js';
import { isVisible } from '../clubs/club-summary.js';
import { editClubIn } from '../clubs/edit-club.js';

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

/**
 * Applies a profile change in one transaction: writes what differs, bumps `last_updated` and emits
 * ClubUpdated with the changed field names (nothing differs: no write, no event). A new name whose slug
 * differs moves the club to a new unique `link_name`; the former one keeps redirecting to it.
 */
export async function updateClub(ctx: { outbox: Outbox }, clubId: string, patch: ClubPatch): Promise<Club> {
  // Two clubs renamed to one slug at the same instant: the unique index lets one through, and the
  // other's unique violation is answered 409 by the common error handler, whichever route ran it.
  return ctx.outbox.transaction((tx) => updateClubIn(tx, ctx.outbox, clubId, patch));
}

export async function updateClubIn(tx: Tx, outbox: Outbox, clubId: string, patch: ClubPatch): Promise<Club> {
  const result = await editClubIn(tx, outbox, clubId, async (club) => {
    const clubs = clubRepository(tx);
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

    let previousLinkName: string | undefined;
    if (changes.name !== undefined) {
      const ownNames = [club.linkName, ...(await clubs.formerLinkNames(clubId))];
      const linkName = await uniqueLinkName(clubs, changes.name, ownNames);
      if (linkName !== club.linkName) {
        changes.linkName = linkName;
        changed.push('link_name');
        previousLinkName = club.linkName;
        await clubs.recordRename(clubId, club.linkName, linkName);
      }
    }
    if (changed.length === 0) return { changed, result: club };

    const updated = (await clubs.update(clubId, changes)) as Club;
    if (isVisible(updated) !== isVisible(club)) changed.push('visible');
    return { changed, result: updated, previousLinkName };
  });
  // Re-read: the edit bumped `last_updated` after `work` returned.
  return (await clubRepository(tx).findById(clubId)) ?? result;
}
