export { JSON_BODY_TYPES } from './content-type.js';
export * from './create-app.js';
export * from './database-errors.js';
export * from './error-handler.js';
export * from './health.js';
export * from './list-routes.js';
export * from './request-id.js';
export * from './serve.js';
export * from './text-input.js';
