import { rowsOf } from '@sproul/common/db';
import { type EventEnvelope, makeEvent, TagChangedV1 } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHarness, SIZES, startAuth, TAGS } from './auth-harness.js';

/** TagChanged as the catalog's outbox stamps it: the tag set's version, given when it changed. */
const tagSet = (tags: { id: number; name: string }[], version: number): EventEnvelope => ({
  ...makeEvent(TagChangedV1, { tags, num_user_tags: SIZES }, 'catalog'),
  aggregate: { type: 'catalog-tags', id: 'all', version },
});

describe('auth’s copy of the catalog’s tags follows their versions, not their arrival', () => {
  let auth: AuthHarness;
  beforeAll(async () => {
    auth = await startAuth();
  }, 60_000);
  afterAll(() => auth?.close());

  const query = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await auth.db.execute(statement));

  it('an older tag snapshot retried after a newer one does not take the new tag away', async () => {
    const withRobotics = tagSet([...TAGS, { id: 5, name: 'Robotics' }], 2);
    const older = tagSet(TAGS, 1);
    await auth.bus.publish([withRobotics]);
    await auth.bus.publish([older]);
    await eventually(async () => {
      const [row] = await query<{ n: number }>(
        sql`select count(*)::int as n from auth.inbox where event_id in (${withRobotics.id}, ${older.id})`,
      );
      return row!.n === 2;
    });
    const names = await query<{ name: string }>(sql`select name from auth.known_tags order by id`);
    expect(names.map((row) => row.name)).toEqual([...TAGS.map((tag) => tag.name), 'Robotics']);
  });
});
