import type { Club } from '../../data-access/club-repository.js';
import type { Repositories } from '../../data-access/repositories.js';
import type { SocialMediaLinks } from '../../data-access/schema.js';
import { invalidBody } from '../../errors.js';

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

/** Unknown tag or member-count ids are a 400 naming them; read under the edit's tag-id lock. */
export async function assertKnownMetadata(repos: Repositories, edit: OfficerProfileEdit) {
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
export function assertRangesInOrder(club: Club, edit: OfficerProfileEdit) {
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
