export * from './durable-in-process-bus.js';
