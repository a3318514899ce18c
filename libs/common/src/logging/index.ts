export * from './logger.js';
export * from './process-guards.js';
export * from './redact-url.js';
