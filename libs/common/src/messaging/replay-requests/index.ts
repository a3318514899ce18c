export * from './ask-for-replay.js';
export * from './replay-config.js';
export * from './replay-ledger.js';
export * from './replay-retry-job.js';
export * from './replay-tables.js';
