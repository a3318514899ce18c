export * from './describe-api.js';
