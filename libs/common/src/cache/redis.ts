export * from './redis-store.js';
