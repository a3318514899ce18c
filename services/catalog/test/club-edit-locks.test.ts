import { fileURLToPath } from 'node:url';
import { type Database, migrateDatabase } from '@sproul/common/db';
import { EmbeddedPostgres } from '@sproul/common/db/embedded';
import { Outbox } from '@sproul/common/messaging';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Club, clubRepository } from '../src/data-access/club-repository.js';
import { aggregateVersions, outbox as outboxTable } from '../src/data-access/schema.js';
import { showStoredImage } from '../src/domain/gallery/show-stored-image.js';
import { addQuestion } from '../src/domain/lists/add-question.js';
import { editOfficerProfile } from '../src/domain/profile/edit-officer-profile.js';
import { updateClub, updateClubIn } from '../src/domain/profile/update-club.js';
import { seedAndAnnounceMetadata } from '../src/domain/tags/seed-and-announce-metadata.js';

/**
 * Every path that edits a club takes the shared tag-id lock once and the club's row lock once: read
 * from the statements Drizzle sends (its query log) on embedded PostgreSQL. Concurrent edits still
 * apply in turn: club-rename-race.test.ts and e2e/ordered-club-edits.test.ts show that.
 */
describe('the locks of a club edit', () => {
  let embedded: EmbeddedPostgres;
  let database: Database;
  let outbox: Outbox;
  const statements: string[] = [];

  /** How many tag-id holds and club row locks `edit` sent. */
  const locksOf = async (edit: () => Promise<unknown>) => {
    statements.length = 0;
    await edit();
    return {
      tagIds: statements.filter((query) => query.includes('pg_advisory_xact_lock_shared')).length,
      clubRow: statements.filter((query) => /from "catalog"\."clubs".* for update/s.test(query)).length,
    };
  };

  beforeAll(async () => {
    embedded = await EmbeddedPostgres.open();
    const db = drizzle({ client: embedded.client, logger: { logQuery: (query) => statements.push(query) } });
    database = {
      ...embedded.forService('catalog'),
      db,
    };
    await migrateDatabase(database, fileURLToPath(new URL('../drizzle', import.meta.url)));
    outbox = new Outbox(database, outboxTable, aggregateVersions);
    await seedAndAnnounceMetadata(outbox);
  }, 60_000);
  afterAll(() => embedded?.close());

  const newClub = async (): Promise<Club> => {
    const owner = crypto.randomUUID();
    const club = await clubRepository(database.db).insert({
      name: `Club ${owner}`,
      ownerUserId: owner,
      ownerEmail: `${owner}@berkeley.edu`,
      linkName: owner,
    });
    return club as Club;
  };
  const ctx = () => ({ db: database.db, outbox });

  it("an officer's profile edit (POST /api/admin/profile) with a rename, tags and dates", async () => {
    const club = await newClub();
    const locks = await locksOf(() =>
      editOfficerProfile(
        ctx(),
        { userId: club.ownerUserId },
        {
          name: `Renamed ${club.id}`,
          tags: [1, 2],
          recruiting_start: '2026-01-01T00:00:00Z',
          recruiting_end: '2026-02-01T00:00:00Z',
          is_reactivating: true,
        },
      ),
    );
    expect(locks).toEqual({ tagIds: 1, clubRow: 1 });
    expect((await clubRepository(database.db).findById(club.id))?.tags).toEqual([1, 2]);
  });

  it('a confirmation, a stored logo, a profile update and a list edit', async () => {
    const club = await newClub();
    const image = { clubId: club.id, imageId: crypto.randomUUID(), objectKey: 'k', caption: '' };
    const edits = [
      () => outbox.transaction((tx) => updateClubIn(tx, outbox, club.id, { confirmed: true })),
      () =>
        outbox.transaction((tx) =>
          showStoredImage(tx, outbox, { ...image, purpose: 'logo', url: 'https://img.test/logo.png' }),
        ),
      () => updateClub({ outbox }, club.id, { about_us: 'About us' }),
      () => addQuestion(ctx(), { userId: club.ownerUserId }, { question: 'Why?', answer: 'Because.' }),
    ];
    for (const edit of edits) expect(await locksOf(edit)).toEqual({ tagIds: 1, clubRow: 1 });
  });
});
