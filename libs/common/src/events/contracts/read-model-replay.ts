import { z } from 'zod';
import { defineEvent } from '../define-event.js';

const serviceName = z.string().min(1).max(64);

/**
 * A consumer dropped its read models and asks the owning services to state what they hold now, as
 * events: auth answers AccountSnapshot per account and RsoListEntryChanged per RSO email, the catalog
 * ClubUpdated v2 per club and TagChanged, media ImageStored per live image. See docs/architecture.md
 * ("Rebuilding read models").
 */
export const ReadModelReplayRequestedV1 = defineEvent(
  'ReadModelReplayRequested',
  1,
  z.object({
    replayId: z.uuid(),
    requestedBy: serviceName,
    /**
     * Only these owners answer; absent, every owner does. A re-sent request names the owners that have
     * not answered yet, so the others do not restate everything again on every retry.
     */
    owners: z.array(serviceName).min(1).max(16).optional(),
  }),
);

/**
 * An owner finished answering a ReadModelReplayRequested: appended after its restated events in the
 * same transaction and outbox, so it leaves after them. The asker stops re-sending once every owner
 * it waits for has answered.
 */
export const ReadModelReplayedV1 = defineEvent(
  'ReadModelReplayed',
  1,
  z.object({ replayId: z.uuid(), service: serviceName }),
);

type ReplayRequest = z.output<typeof ReadModelReplayRequestedV1.schema>;

/** Whether an owner is asked by a request (a request naming no owners asks them all). */
export const replayAsks = (request: ReplayRequest, service: string) =>
  request.owners === undefined || request.owners.includes(service);

/**
 * The replays a run of requests asks an owner for, each once: re-sends of one replay that queued up
 * while the owner was down are answered with one restatement.
 */
export const replaysAsking = (requests: { data: ReplayRequest }[], service: string) => [
  ...new Set(requests.filter(({ data }) => replayAsks(data, service)).map(({ data }) => data.replayId)),
];
