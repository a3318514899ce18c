import type { FuzzRoute, OpenApiDocument } from '../route-fuzz/openapi-document.js';
import type { FuzzRequest, Identity } from './fuzz-request.js';
import type { Violation } from './invariants.js';
import type { KnownValues } from './request-parts.js';
import type { FuzzAnswer } from './send-request.js';

/** Watches the platform's data around each request: a rejected one must change nothing. */
export interface DataWatch {
  /** Before a request: the state it starts from. */
  before(): Promise<void>;
  /** After it: the tables (not meant to change on a refusal) that a rejected request changed. */
  after(rejected: boolean): Promise<string[]>;
}

export interface PropertyFuzzOptions {
  baseUrl: string;
  document: OpenApiDocument;
  /** Requests to send, shrinking's included. */
  requests: number;
  seed: number;
  identities?: readonly Identity[];
  /** The credentials headers of an identity for a route (none for `anonymous`). */
  credentials(identity: Identity, route: FuzzRoute): Promise<Record<string, string>>;
  /** After each answer: the harness renews a session a request ended, say. */
  afterAnswer?(request: FuzzRequest, answer: FuzzAnswer): Promise<void>;
  /** Sent with no valid identity only (identities become anonymous), as `METHOD /path`: routes that would end the harness's accounts. */
  anonymousOnly?: readonly string[];
  known?: KnownValues;
  /** Values that must never be read in an answer or a log line. */
  secrets: readonly string[];
  /** The platform's log lines written since the last call. */
  takeLogLines?(): string[];
  data?: DataWatch;
  /** Shrinking steps (each a request) allowed per counterexample. */
  maxShrinkRequests?: number;
  onProgress?(sent: number): void;
}

export interface PropertyFuzzFinding {
  /** `invariant route`: the same rule broken on the same route again counts as the same finding. */
  signature: string;
  violations: Violation[];
  /** Shrunk: the simplest request fast-check found that still breaks the rule. */
  request: FuzzRequest;
  readable: string;
  status: number;
  answer: string;
  occurrences: number;
}

export interface PropertyFuzzReport {
  seed: number;
  requests: number;
  durationMs: number;
  perRoute: Record<string, Record<string, number>>;
  perStatusClass: Record<string, number>;
  perMutation: Record<string, number>;
  perIdentity: Record<string, number>;
  findings: PropertyFuzzFinding[];
}
