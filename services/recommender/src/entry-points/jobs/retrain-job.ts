import type { JobDefinition } from '@sproul/common/service';
import type { RecommenderConfig } from '../../config.js';
import type { Recommender } from '../../domain/recommender.js';

/** The scheduled retrain (drift starts one too, see recommender.ts); it swaps only a model not worse. */
export const retrainJob: JobDefinition<Recommender, RecommenderConfig> = {
  name: 'recommender-retrain',
  every: (config) => config.RECOMMENDER_RETRAIN_INTERVAL_MS,
  run: async (recommender) => {
    await recommender.retrain('schedule');
  },
};
