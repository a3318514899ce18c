import { fileURLToPath } from 'node:url';
import { packageVersion } from '@sproul/common/http';
import { defineService } from '@sproul/common/service';
import { configSchema } from './config.js';
import { aggregateVersions, appliedVersions, inbox, outbox } from './data-access/schema.js';
import { createRecommender } from './domain/recommender.js';
import { forStudentRoute } from './entry-points/http/for-student-route.js';
import { modelRoute } from './entry-points/http/model-route.js';
import { retrainRoute } from './entry-points/http/retrain-route.js';
import { similarRoute } from './entry-points/http/similar-route.js';
import { retrainJob } from './entry-points/jobs/retrain-job.js';
import { keepCorpusWhenClubChanged } from './entry-points/messaging/keep-corpus-when-club-changed.handler.js';
import { keepStudentProfileWhenUpdated } from './entry-points/messaging/keep-student-profile-when-updated.handler.js';

/**
 * The recommender: similar clubs (LSA on TensorFlow.js and tag overlap, measured on a committed
 * evaluation set) and clubs for students, from a corpus it keeps from the catalog's events. Internal HTTP only.
 */
export const recommenderService = defineService({
  name: 'recommender',
  version: packageVersion(new URL('../package.json', import.meta.url)),
  config: configSchema,
  migrations: fileURLToPath(new URL('../drizzle', import.meta.url)),
  messaging: { outbox, inbox, aggregateVersions, appliedVersions },
  async setup({ database, logger, outbox: events }, config) {
    const recommender = createRecommender(database.db, logger, config, events);
    await recommender.start();
    return { context: recommender, stop: () => recommender.stop() };
  },
  handlers: (recommender) => [
    ...keepCorpusWhenClubChanged(recommender),
    ...keepStudentProfileWhenUpdated(recommender),
  ],
  routes: [similarRoute, forStudentRoute, modelRoute, retrainRoute],
  jobs: [retrainJob],
});
