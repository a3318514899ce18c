import { fileURLToPath } from 'node:url';
import { runService, type ServiceDefinition, type ServiceDeps } from '@sproul/common/service';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';

export const definition: ServiceDefinition = {
  name: 'monitor',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
};

export const start = (deps: ServiceDeps) => runService(definition, deps);
