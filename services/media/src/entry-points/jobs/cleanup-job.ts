import type { JobDefinition } from '@sproul/common/service';
import type { MediaConfig } from '../../config.js';
import { deleteDoomedImages } from '../../domain/cleanup/delete-doomed.js';
import { sweepOrphans } from '../../domain/cleanup/sweep-orphans.js';
import type { MediaContext } from '../../domain/media-context.js';

/**
 * Deletes what was replaced or removed, then sweeps orphans. Replicas may run it together: each
 * image and club is handled under its club's lock, and deleting twice is harmless.
 */
export const cleanupJob: JobDefinition<MediaContext, MediaConfig> = {
  name: 'media-cleanup',
  every: (config) => config.MEDIA_CLEANUP_INTERVAL_MS,
  async run(ctx, now) {
    const images = await deleteDoomedImages(ctx, now);
    const orphans = await sweepOrphans(ctx, now);
    if (images + orphans > 0) ctx.logger.info({ images, orphans }, 'media cleanup deleted objects');
  },
};
