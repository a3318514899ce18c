export { configSchema } from './config.js';
export { recommenderService } from './service.js';
