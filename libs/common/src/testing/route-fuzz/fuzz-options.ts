import type { FuzzRoute, OpenApiDocument } from './openapi-document.js';

export interface FuzzOptions {
  /** The service's base URL. */
  baseUrl: string;
  document: OpenApiDocument;
  /** Headers for a route (an Authorization that lets the request past the route's guard). */
  headers?: (route: FuzzRoute) => Record<string, string> | Promise<Record<string, string>>;
  /** A value for a path parameter, a query parameter or a body field, by name, when the schema's is not good enough. */
  sample?: (name: string, route: FuzzRoute) => unknown;
  /** Routes to fuzz after all the others (those that sign the harness's own session out), as `METHOD /path`. */
  last?: string[];
  /** Requests in flight at once. */
  concurrency?: number;
  /**
   * Statuses that may answer invalid text instead of the 400 because something in front of the check
   * answers first: a rate limit (429, the default), or a gateway refusing a token the run revoked itself.
   */
  answeredFirst?: number[];
}

export interface FuzzFinding {
  request: string;
  status: number;
  contentType: string;
  body: string;
}
