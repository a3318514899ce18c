import { z } from 'zod';
import { defineEvent } from '../define-event.js';

/**
 * A consumer dropped its read models and asks the owning services to state what they hold now, as
 * events: auth answers AccountSnapshot per account and RsoListEntryChanged per RSO email, the catalog
 * ClubUpdated v2 per club and TagChanged. See docs/architecture.md ("Rebuilding read models").
 */
export const ReadModelReplayRequestedV1 = defineEvent(
  'ReadModelReplayRequested',
  1,
  z.object({ replayId: z.uuid(), requestedBy: z.string().min(1).max(64) }),
);
