export * from './event-spans.js';
export * from './http-spans.js';
export * from './log-fields.js';
export * from './start-tracing.js';
export { tracingOn } from './state.js';
