import { fileURLToPath } from 'node:url';
import { createTokenVerifier } from '@sproul/common/auth';
import { packageVersion } from '@sproul/common/http';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { createObjectStore } from './data-access/object-store.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { untilReachable } from './data-access/until-reachable.js';
import type { MediaContext } from './domain/media-context.js';
import { documentRoutes } from './entry-points/http/document-routes.js';
import { galleryRoutes } from './entry-points/http/gallery-routes.js';
import { internalDocumentRoutes } from './entry-points/http/internal-document-routes.js';
import { uploadRoutes } from './entry-points/http/upload-routes.js';
import { cleanupJob } from './entry-points/jobs/cleanup-job.js';
import { mediaHandlers } from './entry-points/messaging/media-handlers.js';

/** Media: club images (logo, banner, gallery) on S3, their lifecycle, and private documents. */
export const mediaService = defineService({
  name: 'media',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, outbox, logger, store, clock }, config) {
    const objects = createObjectStore(config);
    await untilReachable(() => objects.ensureBucket(), logger);
    const context: MediaContext = {
      db: database.db,
      outbox,
      config,
      logger,
      objects,
      verifier: createTokenVerifier({
        jwksUrl: new URL('/.well-known/jwks.json', config.AUTH_URL).href,
        store,
      }),
      clock: clock ?? (() => new Date()),
    };
    return { context, stop: async () => objects.close() };
  },
  verifier: (ctx) => ctx.verifier,
  routes: [...uploadRoutes, ...galleryRoutes, ...documentRoutes, ...internalDocumentRoutes],
  handlers: mediaHandlers,
  jobs: [cleanupJob],
});
