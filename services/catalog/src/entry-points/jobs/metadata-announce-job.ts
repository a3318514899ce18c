import type { JobDefinition } from '@sproul/common/service';
import type { CatalogConfig } from '../../config.js';
import type { CatalogContext } from '../../domain/catalog-context.js';
import { announceMetadata } from '../../domain/tags/metadata-announcer.js';

/**
 * Announces the tag set again. The start-up announcement reaches only consumers whose queues are
 * already bound: on a first deployment, or a fresh RabbitMQ, a service that binds after the catalog
 * published would otherwise never learn the tags (auth then refuses every registration's tag ids)
 * until the catalog restarted. Measured: the stack's first start lost that race in one CI run of four.
 * A snapshot every few minutes heals it, at one small event per interval.
 */
export const metadataAnnounceJob: JobDefinition<CatalogContext, CatalogConfig> = {
  name: 'metadata-announce',
  every: (config) => config.METADATA_ANNOUNCE_INTERVAL_MS,
  run: (ctx) => announceMetadata(ctx.outbox),
};
