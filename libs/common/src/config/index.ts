export * from './common-config.js';
export * from './load-config.js';
