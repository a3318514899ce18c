import type { Db } from '@sproul/common/db';
import type { Outbox } from '@sproul/common/messaging';
import { type Club, clubRepository } from '../data-access/club-repository.js';
import { repositories } from '../data-access/repositories.js';
import type { SocialMediaLinks } from '../data-access/schema.js';
import { holdTagIds } from '../data-access/tag-id-lock.js';
import { invalidBody, noClubForAccount } from '../errors.js';
import { loadClubDetails } from './club-page.js';
import { findOwnClub, type Officer } from './officer-club.js';
import { updateClubIn } from './update-club.js';

/** An officer's edit of their club's profile, as validated at the edge (dates already ISO with offset). */
export interface OfficerProfileEdit {
  is_reactivating?: boolean;
  name?: string;
  tags?: number[];
  app_required?: boolean;
  new_members?: boolean;
  num_users?: number;
  about_us?: string;
  get_involved?: string;
  apply_link?: string | null;
  apply_deadline_start?: string | null;
  apply_deadline_end?: string | null;
  recruiting_start?: string | null;
  recruiting_end?: string | null;
  social_media_links?: Partial<SocialMediaLinks>;
}

/** The club with every list the officer's dashboard shows, in the order they were added. */
export async function officerProfile(db: Db, officer: Officer) {
  return loadClubDetails(db, await findOwnClub(db, officer));
}

export type OfficerProfile = Awaited<ReturnType<typeof officerProfile>>;

/**
 * Partial edit: keys absent stay, social links merge (upstream replaced the whole set and lost the
 * others), a rename moves the link name with a redirect from the old one (updateClub), and
 * `is_reactivating` brings a deactivated club back into the catalog.
 */
export async function editOfficerProfile(
  ctx: { db: Db; outbox: Outbox },
  officer: Officer,
  edit: OfficerProfileEdit,
) {
  const { id } = await findOwnClub(ctx.db, officer);
  const { is_reactivating, ...patch } = edit;
  await ctx.outbox.transaction(async (tx) => {
    // Tag ids are checked and written with the tag ids held: no tag deletion renumbers them between.
    await holdTagIds(tx);
    await assertKnownMetadata(repositories(tx), edit);
    // The order check reads the stored dates under the row lock the update then holds.
    const club = await clubRepository(tx).findByIdForUpdate(id);
    if (!club) throw noClubForAccount();
    assertRangesInOrder(club, edit);
    await updateClubIn(tx, ctx.outbox, id, { ...patch, ...(is_reactivating ? { reactivated: true } : {}) });
  });
}

async function assertKnownMetadata(repos: ReturnType<typeof repositories>, edit: OfficerProfileEdit) {
  const problems: { field: string; errors: string[] }[] = [];
  if (edit.tags) {
    const known = new Set((await repos.metadata.tags()).map((tag) => tag.id));
    const unknown = edit.tags.filter((id) => !known.has(id));
    if (unknown.length > 0)
      problems.push({ field: 'tags', errors: [`unknown tag ids: ${unknown.join(', ')}`] });
  }
  if (edit.num_users !== undefined) {
    const known = (await repos.metadata.numUserTags()).some((size) => size.id === edit.num_users);
    if (!known) problems.push({ field: 'num_users', errors: [`unknown num_users id: ${edit.num_users}`] });
  }
  if (problems.length > 0) throw invalidBody(problems);
}

const RANGES = [
  ['apply_deadline_start', 'apply_deadline_end', 'applyDeadlineStart', 'applyDeadlineEnd'],
  ['recruiting_start', 'recruiting_end', 'recruitingStart', 'recruitingEnd'],
] as const;

/** A deadline window that ends before it starts would make the recruiting status nonsense. */
function assertRangesInOrder(club: Club, edit: OfficerProfileEdit) {
  for (const [startField, endField, startColumn, endColumn] of RANGES) {
    if (edit[startField] === undefined && edit[endField] === undefined) continue;
    const start = edit[startField] === undefined ? club[startColumn] : toDate(edit[startField]);
    const end = edit[endField] === undefined ? club[endColumn] : toDate(edit[endField]);
    if (start && end && end.getTime() < start.getTime()) {
      throw invalidBody([{ field: endField, errors: [`must not be before ${startField}`] }]);
    }
  }
}

const toDate = (value: string | null | undefined) => (value ? new Date(value) : null);
