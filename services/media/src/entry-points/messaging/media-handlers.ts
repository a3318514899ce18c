import type { MediaContext } from '../../domain/media-context.js';
import { deleteImagesWhenClubDeleted } from './delete-images-when-club-deleted.handler.js';
import { keepClubWhenClubCreated, keepClubWhenClubUpdated } from './keep-club-when-club-changed.handler.js';
import { restateImagesWhenReplayRequested } from './restate-images-when-replay-requested.handler.js';

/** The events media follows: the catalog's clubs (who owns which, and which are gone), replay requests. */
export const mediaHandlers = (ctx: MediaContext) => [
  keepClubWhenClubCreated(),
  keepClubWhenClubUpdated(),
  deleteImagesWhenClubDeleted(ctx.clock),
  restateImagesWhenReplayRequested(ctx.outbox),
];
