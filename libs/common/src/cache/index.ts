export * from './key-value-store.js';
export * from './memory-store.js';
