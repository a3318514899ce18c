export * from './pglite.js';
