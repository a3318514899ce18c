import { readFileSync } from 'node:fs';

/** A club of the committed evaluation set (eval/clubs.json): tests build campuses from them. */
export interface EvalClub {
  id: string;
  kind: string;
  name: string;
  link_name: string;
  tags: number[];
  about_us: string;
  get_involved: string;
}

export const evalClubs: EvalClub[] = JSON.parse(
  readFileSync(new URL('../eval/clubs.json', import.meta.url), 'utf8'),
).clubs;

/** The club as the catalog's ClubCreated/ClubUpdated events summarise it, under a test's own link name. */
export const clubSummary = (club: EvalClub, linkPrefix: string, visible = true) => ({
  name: club.name,
  link_name: `${linkPrefix}-${club.id}`,
  tags: club.tags,
  num_users: 0,
  app_required: false,
  new_members: true,
  about_us: club.about_us,
  get_involved: club.get_involved,
  visible,
});
