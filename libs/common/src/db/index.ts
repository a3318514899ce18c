export * from './data-dir-lock.js';
export * from './database.js';
export * from './migrate.js';
export * from './notifications.js';
export * from './postgres.js';
