export { configSchema } from './config.js';
export { mediaService } from './service.js';
