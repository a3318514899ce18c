export * from './infrastructure.js';
export * from './run-as-process.js';
