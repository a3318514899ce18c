import { fileURLToPath } from 'node:url';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { adminAppRoutes } from './entry-points/http/admin-app.js';

/** Its tables, outbox and inbox so far; routes, handlers and jobs arrive with the issue that builds it. */
export const monitorService = defineService({
  name: 'monitor',
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  setup: async (_parts, config) => ({ context: { config } }),
  routes: [...adminAppRoutes],
});
