import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { AccessClaims, Role } from '../auth/claims.js';
import type { OtherBody } from '../http/content-type.js';
import type { RouteSecurity } from '../openapi/describe-api.js';

/**
 * Who may call a route. The kernel checks the first four before the handler runs; `self` routes check
 * credentials themselves (auth's login, refresh and Basic routes) and name what they accept for the docs.
 */
export type RouteAuth =
  | 'public'
  | 'optional'
  | 'signed-in'
  | readonly Role[]
  | { self: Exclude<RouteSecurity, 'none'> };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteAnswer {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteSpec<
  A extends RouteAuth = RouteAuth,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: Method;
  /** Express style: `/api/catalog/organizations/:link_name`. */
  path: string;
  summary: string;
  tag: string;
  /** Default `public`. */
  auth?: A;
  body?: B;
  query?: Q;
  params?: P;
  /**
   * Documented only: the handler reads `req.body`/`req.query`/`req.params` itself, where the kernel's
   * parsing would change an answer (a body checked after a `self` credential check, a body whose
   * shape picks its schema, a parameter whose 400 names the JSON body).
   */
  documented?: { body?: z.ZodType; query?: z.ZodObject; params?: z.ZodObject };
  /**
   * Body types the route takes besides JSON, parsed into `req.body` (a form as an object, text as a
   * string): for callers that cannot send JSON (a mailbox's one-click unsubscribe, SNS). Only for a
   * path without parameters; other paths keep answering such bodies with a 415.
   */
  alsoAccepts?: readonly OtherBody[];
  /** Success answers by status; the first is the status a returned value is sent with. */
  responses: Record<number, RouteAnswer>;
  /** Error statuses this route answers besides 400 (a body) and 401 (credentials). */
  errors?: number[];
  /**
   * A further check of the claims, right after `auth` and before params, query and body are read
   * (upstream's `confirmed_account_required` answers 401 whatever the body holds).
   */
  authorize?: (claims: Claims<A>) => void;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, unknown>;
type Claims<A> = A extends readonly Role[] | 'signed-in' ? AccessClaims : AccessClaims | undefined;

export interface RouteInput<Ctx, A, B, Q, P> {
  ctx: Ctx;
  body: B extends z.ZodType ? z.output<B> : unknown;
  query: Parsed<Q>;
  params: Parsed<P>;
  claims: Claims<A>;
  req: Request;
  res: Response;
}

/**
 * A route's handler: returns the JSON to answer with (sent with the spec's first status), or answers
 * through `res` itself (a calendar file, a redirect) and returns nothing.
 */
export type RouteHandler<Ctx, A, B, Q, P> = (
  input: RouteInput<Ctx, A, B, Q, P>,
) => Promise<unknown> | unknown;

export interface RouteDefinition<Ctx = unknown> {
  spec: RouteSpec;
  // biome-ignore lint/suspicious/noExplicitAny: each route's input is typed where it is defined
  handle: RouteHandler<Ctx, any, any, any, any>;
}

/**
 * Declares a route once: the kernel mounts it, checks its auth, parses its params, query and body,
 * and documents it in the service's OpenAPI document from the same schemas.
 */
export function defineRoute<
  Ctx,
  const A extends RouteAuth = 'public',
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<A, B, Q, P>, handle: RouteHandler<Ctx, A, B, Q, P>): RouteDefinition<Ctx> {
  return { spec: spec as RouteSpec, handle: handle as RouteDefinition<Ctx>['handle'] };
}

/** `defineRoute` bound to one service's context, so its routes need not name it: `routesOf<CatalogContext>()`. */
export const routesOf =
  <Ctx>() =>
  <
    const A extends RouteAuth = 'public',
    B extends z.ZodType | undefined = undefined,
    Q extends z.ZodType | undefined = undefined,
    P extends z.ZodType | undefined = undefined,
  >(
    spec: RouteSpec<A, B, Q, P>,
    handle: RouteHandler<Ctx, A, B, Q, P>,
  ): RouteDefinition<Ctx> =>
    defineRoute<Ctx, A, B, Q, P>(spec, handle);
