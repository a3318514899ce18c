import { routesOf } from '@sproul/common/service';
import { z } from 'zod';
import { modelStore } from '../../data-access/model-store.js';
import type { Recommender } from '../../domain/recommender.js';

/** Internal: which model answers, on which TensorFlow.js backend, with its figures; the versions kept. */
export const modelRoute = routesOf<Recommender>()(
  {
    method: 'get',
    path: '/internal/model',
    summary: 'The answering model version, its backend and evaluation figures, and recent versions',
    tag: 'Recommender (internal)',
    responses: {
      200: {
        description: 'The model (null while the first one trains: TF-IDF answers meanwhile)',
        schema: z.object({
          model: z.record(z.string(), z.unknown()).nullable(),
          training: z.boolean(),
          versions: z.array(z.record(z.string(), z.unknown())),
        }),
      },
    },
  },
  async ({ ctx }) => {
    const model = ctx.model();
    return {
      model: model
        ? {
            version: model.version,
            backend: model.backend,
            created_at: model.createdAt.toISOString(),
            corpus_size: model.corpusSize,
            train_ms: model.trainMs,
            params: model.params,
            figures: model.figures,
          }
        : null,
      training: ctx.training(),
      versions: (await modelStore(ctx.db).list()).map((v) => ({
        ...v,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  },
);
