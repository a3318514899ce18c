export { configSchema } from './config.js';
export { monitorService } from './service.js';
