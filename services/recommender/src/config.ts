import { commonConfigSchema } from '@sproul/common/config';
import { z } from 'zod';

/** Environment variables the recommender service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema.extend({
  /** How often the model is retrained in the background; `0` only on drift (tests drive the job). */
  RECOMMENDER_RETRAIN_INTERVAL_MS: z.coerce
    .number()
    .int()
    .refine((ms) => ms === 0 || (ms >= 1000 && ms <= 7 * 86_400_000), 'must be 0 (off) or 1000 to 604800000')
    .default(6 * 3_600_000),
  /**
   * Drift: a retrain starts once this share of the clubs the model was trained on has been created,
   * edited or deleted since (at least 20 changes, so a tiny campus does not retrain on every edit).
   */
  RECOMMENDER_DRIFT_SHARE: z.coerce.number().min(0.01).max(10).default(0.2),
  /**
   * A candidate replaces the answering model unless its held-out precision@3 on the committed set is
   * lower by more than this: "not worse" beyond noise. Measured: models trained with 0, 50 and 200
   * other clubs beside the eval set scored 0.746–0.792 (standard deviation 0.017), with no change in
   * quality; at 0 nearly every second retrain would be refused by chance.
   */
  RECOMMENDER_SWAP_TOLERANCE: z.coerce.number().min(0).max(0.2).default(0.02),
});

export type RecommenderConfig = z.output<typeof configSchema>;
