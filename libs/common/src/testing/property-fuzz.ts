/**
 * Property-based fuzzing of every route an OpenAPI document lists (property-fuzz/run.ts): requests
 * drawn by fast-check from the routes' schemas, then mutated by hostile inputs, sent with each kind of
 * credentials, and held to the platform's invariants; a broken one is shrunk and printed readably.
 */
export {
  describeRequest,
  type FuzzRequest,
  IDENTITIES,
  type Identity,
} from './property-fuzz/fuzz-request.js';
export { INJECTED_HEADER } from './property-fuzz/hostile-strings.js';
export { checkAnswer, isEnvelope, leaksIn, type Violation } from './property-fuzz/invariants.js';
export type { KnownValues } from './property-fuzz/request-parts.js';
export { runPropertyFuzz } from './property-fuzz/run.js';
export type {
  DataWatch,
  PropertyFuzzFinding,
  PropertyFuzzOptions,
  PropertyFuzzReport,
} from './property-fuzz/run-options.js';
export { type FuzzAnswer, sendRaw } from './property-fuzz/send-request.js';
