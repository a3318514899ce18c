import { fileURLToPath } from 'node:url';
import { runService, type ServiceDefinition, type ServiceDeps } from '@sproul/common/service';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { createRecommender, type Recommender } from './domain/recommender.js';
import { similarRoute } from './entry-points/http/similar-route.js';
import { keepCorpusWhenClubChanged } from './entry-points/messaging/keep-corpus-when-club-changed.handler.js';

/**
 * The recommender: similar clubs by their tags and descriptions (TF-IDF, cosine similarity), from a
 * corpus it keeps from the catalog's club events. Internal HTTP only.
 */
export function start(deps: ServiceDeps) {
  let recommender: Recommender | undefined;
  const ready = () => {
    if (!recommender) throw new Error('recommender is not set up yet');
    return recommender;
  };
  const definition: ServiceDefinition = {
    name: 'recommender',
    migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url)),
    messaging: { outbox, inbox, aggregateVersions, appliedVersions },
    async setup(context) {
      recommender = createRecommender(context.database.db, context.logger);
      await recommender.rebuild();
      return async () => recommender?.stop();
    },
    handlers: () => keepCorpusWhenClubChanged(ready()),
    routes(app) {
      app.use(similarRoute(ready()));
    },
  };
  return runService(definition, deps);
}
