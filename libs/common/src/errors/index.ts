export * from './app-error.js';
export * from './error-reporting.js';
export * from './service-version.js';
