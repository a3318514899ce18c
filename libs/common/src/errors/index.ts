export * from './app-error.js';
export * from './error-reporting.js';
