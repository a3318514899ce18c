/**
 * The one error type the platform raises on purpose. `code` is stable and machine-readable
 * (e.g. `CATALOG.CLUB_NOT_FOUND`), `reason` is what the client reads, `data` carries field-level detail.
 * An error of status 500 is a bug: the client gets the bare "Internal server error", the log the rest.
 * (The catastrophic flag went: nothing acted on it; a state the process cannot go on from is an
 * uncaught exception, which the process guards turn into a fatal log line and an exit.)
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly reason: string,
    readonly data?: unknown,
  ) {
    super(reason);
    this.name = 'AppError';
  }
}

export const badRequest = (reason: string, data?: unknown) =>
  new AppError('REQUEST.INVALID', 400, reason, data);
export const unauthorized = (reason = 'Unauthorized') => new AppError('AUTH.UNAUTHORIZED', 401, reason);
export const forbidden = (reason = 'You are not allowed to access this endpoint!') =>
  new AppError('AUTH.FORBIDDEN', 403, reason);
export const notFound = (reason = 'Not found') => new AppError('REQUEST.NOT_FOUND', 404, reason);
export const conflict = (reason: string, data?: unknown) =>
  new AppError('REQUEST.CONFLICT', 409, reason, data);

/** The JSON body every error answer carries, upstream's `flask_json.JsonError` shape. */
export interface ErrorEnvelope {
  status: 'error';
  reason: string;
  data: unknown;
}

export const errorEnvelope = (reason: string, data: unknown = null): ErrorEnvelope => ({
  status: 'error',
  reason,
  data,
});
