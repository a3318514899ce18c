import { fileURLToPath } from 'node:url';
import { type LegacyServiceDefinition, type LegacyServiceDeps, runService } from '@sproul/common/service';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';

export const definition: LegacyServiceDefinition = {
  name: 'mailer',
  migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
};

export const start = (deps: LegacyServiceDeps) => runService(definition, deps);
