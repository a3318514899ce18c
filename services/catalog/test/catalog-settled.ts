import { randomUUID } from 'node:crypto';
import type { EventBus } from '@sproul/common/bus';
import type { Db } from '@sproul/common/db';
import { type EventEnvelope, ImageStoredV1, makeEvent } from '@sproul/common/events';
import { eventually } from '@sproul/common/testing';
import { and, eq, isNull } from 'drizzle-orm';
import { inbox, outbox } from '../src/data-access/schema.js';

// Signals that make a "nothing more happened" check observable, instead of sleeping and hoping.

interface Booted {
  db: Db;
  bus: EventBus;
  events: EventEnvelope[];
}

/**
 * Waits until the catalog has handled every event delivered to it so far: its queue is first in, first
 * out, so once a no-op behind them (an image of no club, which it ignores) is in its inbox, they are done.
 */
export async function handledSoFar({ db, bus }: Booted) {
  const imageId = randomUUID();
  const clubId = randomUUID();
  const marker = makeEvent(
    ImageStoredV1,
    {
      imageId,
      clubId,
      purpose: 'logo',
      url: `https://media.test/clubs/${clubId}/${imageId}.png`,
      objectKey: `clubs/${clubId}/${imageId}.png`,
      caption: '',
    },
    'test',
  );
  await bus.publish([marker]);
  await eventually(
    async () => (await db.select().from(inbox).where(eq(inbox.eventId, marker.id))).length > 0,
  );
}

/**
 * Waits until every event the catalog committed so far is recorded: its outbox has no unsent row (each
 * was handed to the bus), and a marker published after them has reached the recorder's queue.
 */
export async function publishedSoFar({ db, bus, events }: Booted) {
  await eventually(async () => {
    const unsent = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(isNull(outbox.sentAt), isNull(outbox.error)))
      .limit(1);
    return unsent.length === 0;
  });
  const marker: EventEnvelope = {
    id: randomUUID(),
    type: 'TestMarker',
    version: 1,
    occurredAt: new Date().toISOString(),
    source: 'test',
    correlationId: randomUUID(),
    data: null,
  };
  await bus.publish([marker]);
  await eventually(() => events.some((event) => event.id === marker.id));
}

/** Both: what was delivered is handled, and what that committed is recorded. */
export async function settled(booted: Booted) {
  await handledSoFar(booted);
  await publishedSoFar(booted);
}
