export * from './event-bus.js';
export * from './in-process-bus.js';
