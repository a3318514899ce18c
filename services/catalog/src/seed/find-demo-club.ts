import { readFileSync } from 'node:fs';
import type { Database } from '@sproul/common/db';
import { clubRepository } from '../data-access/club-repository.js';
import { demoOwnerId } from './demo-club-rows.js';
import { DEMO_CLUBS_FILE, demoClubsAvailable } from './load-demo-clubs.js';

export interface DemoClubSummary {
  id: string;
  name: string;
  linkName: string;
  contactEmail: string;
}

/**
 * The demo club that `npm start`'s demo officer manages: the first of the demo data set, if it was
 * loaded and still exists (a deleted one is not brought back).
 */
export async function findDemoClub(database: Database): Promise<DemoClubSummary | undefined> {
  if (!demoClubsAvailable()) return undefined;
  const [first] = JSON.parse(readFileSync(DEMO_CLUBS_FILE, 'utf8')) as { name: string }[];
  if (!first) return undefined;
  const club = await clubRepository(database.db).findByOwner(demoOwnerId(first));
  return club && { id: club.id, name: club.name, linkName: club.linkName, contactEmail: club.ownerEmail };
}
