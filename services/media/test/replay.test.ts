import { randomUUID } from 'node:crypto';
import { makeEvent, ReadModelReplayRequestedV1 } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { picture } from './images.js';
import { type MediaHarness, startMediaHarness } from './media-harness.js';

describe('answering a read-model replay (media)', () => {
  let media: MediaHarness;
  beforeAll(async () => {
    media = await startMediaHarness();
  }, 60_000);
  afterAll(() => media?.close());

  it('states every live image again as ImageStored, and nothing replaced, once for re-sends queued together', async () => {
    const club = await media.addClub('replay-society');
    const send = async (width: number) => media.uploadLogo(club.token, await picture(width, width, 'png'));
    expect((await send(300)).status).toBe(200);
    const current = await send(400);
    expect(current.status).toBe(200);
    await eventually(() => media.published('ImageStored').length === 2);

    const replayId = randomUUID();
    // A re-sent request naming other owners only: media leaves it to them.
    await media.bus.publish([
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId: randomUUID(), requestedBy: 'monitor', owners: ['auth', 'catalog'] },
        'monitor',
      ),
      makeEvent(ReadModelReplayRequestedV1, { replayId, requestedBy: 'monitor' }, 'monitor'),
      // A re-send of the same replay queued behind it (media was down): answered once for both.
      makeEvent(
        ReadModelReplayRequestedV1,
        { replayId, requestedBy: 'monitor', owners: ['media'] },
        'monitor',
      ),
    ]);
    const restated = await eventually(() => {
      const found = media.published<{ clubId: string; url: string }>('ImageStored').slice(2);
      return found.length > 0 ? found : undefined;
    });
    await (media.bus as { idle(): Promise<void> }).idle();
    expect(media.published('ImageStored').slice(2)).toEqual([
      expect.objectContaining({ clubId: club.clubId, purpose: 'logo', url: current.body['logo-url'] }),
    ]);
    expect(restated).toHaveLength(1);
    // Done, after the images (the same outbox, in order); nothing for the other owners' request.
    await eventually(() => media.published('ReadModelReplayed').length > 0);
    expect(media.published('ReadModelReplayed')).toEqual([{ replayId, service: 'media' }]);
    const types = media.events.map((event) => event.type);
    expect(types.lastIndexOf('ReadModelReplayed')).toBeGreaterThan(types.lastIndexOf('ImageStored'));
  });
});
