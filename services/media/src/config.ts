import { commonConfigSchema } from '@sproul/common/config';

/** Environment variables the media service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema;
