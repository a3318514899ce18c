import { fileURLToPath } from 'node:url';
import { runService, type ServiceDefinition, type ServiceDeps } from '@sproul/common';
import { inbox, outbox } from './data-access/schema.js';
import { seedAndAnnounceMetadata } from './domain/publish-metadata.js';
import { metadataRoutes } from './entry-points/http/metadata-routes.js';
import { catalogApiDocument } from './entry-points/http/openapi.js';

export const definition: ServiceDefinition = {
  name: 'catalog',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox },
  async setup(context) {
    await seedAndAnnounceMetadata(context.outbox);
    return undefined;
  },
  openapi: catalogApiDocument,
  routes(app, context) {
    app.use('/api/catalog', metadataRoutes(context.database.db));
  },
};

export const start = (deps: ServiceDeps) => runService(definition, deps);
export { catalogApiDocument } from './entry-points/http/openapi.js';
