export * from './service-runtime.js';
