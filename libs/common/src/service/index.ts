export * from './define-route.js';
export * from './define-service.js';
export * from './describe-routes.js';
export * from './jobs.js';
export * from './mount-routes.js';
export * from './parse-input.js';
export * from './start-service.js';
