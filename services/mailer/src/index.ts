export { configSchema } from './config.js';
export { mailerService } from './service.js';
