import type { z } from 'zod';

/** How a route is authenticated, as the OpenAPI document shows it. */
export type RouteSecurity = 'access' | 'refresh' | 'basic' | 'basic-or-bearer' | 'none';

/**
 * Who may call a route, as its definition declares it (`x-auth` on each operation): `security` says
 * which credentials a route reads, this says whom it lets in, so that a client or a test (the
 * authorization matrix, e2e/authorization-matrix.test.ts) can tell what each caller should get.
 */
export type DocumentedAuth =
  | 'public'
  | 'optional'
  | 'signed-in'
  | { roles: string[] }
  | { self: Exclude<RouteSecurity, 'none'> };

export interface RouteDescription {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/user/confirm/{token}`. */
  path: string;
  summary: string;
  tag: string;
  security?: RouteSecurity;
  auth?: DocumentedAuth;
  body?: z.ZodType;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** Success answers by status; error answers (the envelope) are added from `errors`. */
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  /** Error statuses this route answers, besides the 400 every body-taking route has. */
  errors?: number[];
}
