import { commonConfigSchema } from '@sproul/common/config';

/** Environment variables the recommender service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema;
