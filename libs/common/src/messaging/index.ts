export * from './consumer.js';
export * from './messaging-metrics.js';
export * from './messaging-tables.js';
export * from './outbox.js';
export * from './outbox-relay.js';
export * from './replay-requests/index.js';
