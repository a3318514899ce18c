import { commonConfigSchema } from '@sproul/common/config';

/** Environment variables the monitor service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema;
