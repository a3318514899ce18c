import { fileURLToPath } from 'node:url';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { createRecommender } from './domain/recommender.js';
import { similarRoute } from './entry-points/http/similar-route.js';
import { keepCorpusWhenClubChanged } from './entry-points/messaging/keep-corpus-when-club-changed.handler.js';

/**
 * The recommender: similar clubs by their tags and descriptions (TF-IDF, cosine similarity), from a
 * corpus it keeps from the catalog's club events. Internal HTTP only.
 */
export const recommenderService = defineService({
  name: 'recommender',
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, logger }) {
    const recommender = createRecommender(database.db, logger);
    await recommender.rebuild();
    return { context: recommender, stop: async () => recommender.stop() };
  },
  handlers: keepCorpusWhenClubChanged,
  routes: [similarRoute],
});
