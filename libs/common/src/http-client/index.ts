export * from './circuit-metrics.js';
export * from './internal-client.js';
