import { commonConfigSchema } from '@sproul/common';

/** Environment variables the catalog service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema;
