import { commonConfigSchema } from '@sproul/common/config';

/** Environment variables the mailer service reads (nothing else reads process.env). */
export const configSchema = commonConfigSchema;
